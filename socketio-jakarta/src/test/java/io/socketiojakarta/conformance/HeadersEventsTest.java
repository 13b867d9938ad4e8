package io.socketiojakarta.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.ServerEngine;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference's {@code initial_headers} (a session's handshake only) and {@code headers} (every
 * request of a session, the WebSocket upgrade included), through {@code io.engine()}; refused
 * requests get neither.
 */
class HeadersEventsTest {
  private static SocketIoTestServer server;
  private static final List<ServerEngine.Request> seen = new CopyOnWriteArrayList<>();
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            io -> {
              io.engine()
                  .onInitialHeaders(
                      (headers, request) -> headers.put("X-Initial", List.of("uid=1234")));
              io.engine()
                  .onHeaders(
                      (headers, request) -> {
                        seen.add(request);
                        headers.put("X-Every", List.of(request.method(), "second"));
                      });
            });
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.uri(pathAndQuery).toString())).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pollingHandshakeGetsBothLaterRequestsOnlyHeaders() throws Exception {
    HttpResponse<String> open = get("/socket.io/?EIO=4&transport=polling");
    assertThat(open.body()).startsWith("0{");
    assertThat(open.headers().allValues("x-initial")).containsExactly("uid=1234");
    assertThat(open.headers().allValues("x-every")).containsExactly("GET", "second");
    String sid = open.body().substring(9, 29);

    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(server.uri("/socket.io/?EIO=4&transport=polling&sid=" + sid))
                .POST(HttpRequest.BodyPublishers.ofString("40"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.body()).isEqualTo("ok");
    assertThat(post.headers().firstValue("x-initial")).isEmpty();
    assertThat(post.headers().allValues("x-every")).containsExactly("POST", "second");

    HttpResponse<String> poll = get("/socket.io/?EIO=4&transport=polling&sid=" + sid);
    assertThat(poll.body()).startsWith("40{\"sid\":");
    assertThat(poll.headers().firstValue("x-initial")).isEmpty();
    assertThat(poll.headers().allValues("x-every")).containsExactly("GET", "second");
    assertThat(seen).anySatisfy(r -> assertThat(r.url()).contains("sid=" + sid));
  }

  @Test
  void webSocketHandshakeGetsBoth() throws Exception {
    RawHttp.Response answer =
        RawHttp.exchange(
            server.port(),
            RawHttp.upgradeRequest(server.port(), "/socket.io/?EIO=4&transport=websocket", ""));
    assertThat(answer.status()).isEqualTo(101);
    assertThat(answer.header("x-initial")).contains("uid=1234");
    assertThat(answer.headers().get("x-every")).containsExactly("GET", "second");
  }

  @Test
  void refusedRequestsGetNeither() throws Exception {
    HttpResponse<String> refused = get("/socket.io/?EIO=4&transport=polling&sid=unknown");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("x-initial")).isEmpty();
    assertThat(refused.headers().firstValue("x-every")).isEmpty();
  }
}
