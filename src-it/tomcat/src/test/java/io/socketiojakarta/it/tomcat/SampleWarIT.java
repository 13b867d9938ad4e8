package io.socketiojakarta.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The sample WAR, dropped into Tomcat as is: its page, the served client bundle, its Engine.IO echo
 * and its Socket.IO chat (middleware refusal with data, then a connection that is told about
 * itself) answer.
 */
class SampleWarIT {
  @Test
  void pageAndEngineEndpointAnswer() throws Exception {
    try (TomcatServer server = TomcatServer.start("sample.war")) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(server.uri("/")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("socketio-jakarta");
      HttpResponse<String> open =
          http.send(
              HttpRequest.newBuilder(server.uri("/engine.io/?EIO=4&transport=polling")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(open.body())
          .startsWith("0{\"sid\":\"")
          .contains("\"pingInterval\":25000,\"pingTimeout\":20000");

      HttpResponse<String> bundle =
          http.send(
              HttpRequest.newBuilder(server.uri("/socket.io/socket.io.min.js")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(bundle.statusCode()).isEqualTo(200);
      assertThat(bundle.headers().firstValue("etag")).isPresent();

      String refused = chat(http, server, "40{}", "44{");
      assertThat(refused).contains("44{\"message\":\"a name is required\",\"data\":{\"max\":40}}");
      String accepted = chat(http, server, "40{\"name\":\"ann\"}", "42[");
      assertThat(accepted).contains("40{\"sid\":\"").contains("42[\"presence\",\"ann joined\",1]");
    }
  }

  /**
   * A polling session at /socket.io/ posting {@code packet}; what comes back, up to {@code until}.
   */
  private static String chat(HttpClient http, TomcatServer server, String packet, String until)
      throws Exception {
    String open =
        http.send(
                HttpRequest.newBuilder(server.uri("/socket.io/?EIO=4&transport=polling")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String sid =
        open.substring(
            open.indexOf("\"sid\":\"") + 7, open.indexOf('"', open.indexOf("\"sid\":\"") + 7));
    String url = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
    HttpResponse<String> posted =
        http.send(
            HttpRequest.newBuilder(server.uri(url))
                .POST(HttpRequest.BodyPublishers.ofString(packet))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(posted.body()).isEqualTo("ok");
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 3 && !seen.toString().contains(until); i++) {
      seen.append(
          http.send(
                  HttpRequest.newBuilder(server.uri(url)).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body());
    }
    return seen.toString();
  }
}
