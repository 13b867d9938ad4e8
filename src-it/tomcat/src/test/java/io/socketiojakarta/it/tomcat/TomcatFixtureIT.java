package io.socketiojakarta.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fixture WAR (Engine.IO echo, pingInterval 300 ms, pingTimeout 200 ms) on embedded Tomcat. */
class TomcatFixtureIT {
  static TomcatServer server;
  static HttpClient http;

  @BeforeAll
  static void start() throws Exception {
    server = TomcatServer.start("fixture.war");
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  static HttpResponse<String> get(String query) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.uri("/engine.io/?" + query))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String query, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(server.uri("/engine.io/?" + query))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String sidOf(String openPacket) {
    int start = openPacket.indexOf("\"sid\":\"") + 7;
    return openPacket.substring(start, openPacket.indexOf('"', start));
  }

  /** A WebSocket client that queues frames ("t:..." / "b:<length>") and its close code. */
  static final class Ws implements WebSocket.Listener {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    final StringBuilder text = new StringBuilder();
    WebSocket socket;

    static Ws open(String query) throws Exception {
      Ws ws = new Ws();
      ws.socket =
          http.newWebSocketBuilder()
              .buildAsync(server.wsUri("/engine.io/?" + query), ws)
              .get(5, TimeUnit.SECONDS);
      return ws;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        frames.add("t:" + text);
        text.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      frames.add("b:" + data.remaining());
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }

    String next() throws InterruptedException {
      String f = frames.poll(3, TimeUnit.SECONDS);
      assertThat(f).as("frame within 3 s").isNotNull();
      return f;
    }

    /** The next frame that is not a ping, answering pings. */
    String nextMessage() throws Exception {
      while (true) {
        String f = next();
        if (!f.equals("t:2")) {
          return f;
        }
        socket.sendText("3", true).get(2, TimeUnit.SECONDS);
      }
    }

    void send(String s) throws Exception {
      socket.sendText(s, true).get(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void pollingHandshakeAndEcho() throws Exception {
    HttpResponse<String> open = get("EIO=4&transport=polling");
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(open.body())
        .startsWith("0{\"sid\":\"")
        .endsWith(
            "\"upgrades\":[\"websocket\"],\"pingInterval\":300,\"pingTimeout\":200,\"maxPayload\":1000000}");
    String sid = sidOf(open.body());
    HttpResponse<String> posted = post("EIO=4&transport=polling&sid=" + sid, "4hello\u001e4€😀");
    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body()).isEqualTo("ok");
    assertThat(get("EIO=4&transport=polling&sid=" + sid).body()).isEqualTo("4hello\u001e4€😀");
  }

  @Test
  void refusedHandshakeIs403AndUnknownSidIs400() throws Exception {
    HttpResponse<String> refused = get("EIO=4&transport=polling&refuse=1");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
    HttpResponse<String> unknown = get("EIO=4&transport=polling&sid=nope");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
  }

  @Test
  void webSocketEchoesTextBinaryAndALargeMessageInOrder() throws Exception {
    Ws ws = Ws.open("EIO=4&transport=websocket");
    assertThat(ws.next()).startsWith("t:0{\"sid\":").contains("\"upgrades\":[]");
    String big = "4" + "x".repeat(900_000);
    for (int i = 0; i < 200; i++) {
      ws.send("4m" + i);
    }
    ws.send(big);
    ws.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), true).get(5, TimeUnit.SECONDS);
    for (int i = 0; i < 200; i++) {
      assertThat(ws.nextMessage()).isEqualTo("t:4m" + i);
    }
    assertThat(ws.nextMessage()).hasSize(big.length() + 2).isEqualTo("t:" + big);
    assertThat(ws.nextMessage()).isEqualTo("b:4");
    ws.socket.abort();
  }

  @Test
  void frameOverMaxPayloadClosesWith1009() throws Exception {
    Ws ws = Ws.open("EIO=4&transport=websocket");
    ws.next();
    ws.socket.sendText("4" + "a".repeat(1_000_000), true);
    assertThat(ws.closed.get(3, TimeUnit.SECONDS)).isEqualTo(1009);
  }

  @Test
  void pollingSessionUpgradesToWebSocket() throws Exception {
    String sid = sidOf(get("EIO=4&transport=polling").body());
    Ws ws = Ws.open("EIO=4&transport=websocket&sid=" + sid);
    ws.send("2probe");
    assertThat(ws.next()).isEqualTo("t:3probe");
    ws.send("5");
    ws.send("4upgraded");
    assertThat(ws.nextMessage()).isEqualTo("t:4upgraded");
    HttpResponse<String> polling = get("EIO=4&transport=polling&sid=" + sid);
    assertThat(polling.statusCode()).isEqualTo(400);
    assertThat(polling.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
    ws.socket.abort();
  }

  @Test
  void silentWebSocketClientIsClosedAfterPingIntervalPlusPingTimeout() throws Exception {
    long start = System.nanoTime();
    Ws ws = Ws.open("EIO=4&transport=websocket");
    ws.next();
    assertThat(ws.next()).isEqualTo("t:2");
    ws.closed.get(3, TimeUnit.SECONDS);
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(elapsed).isBetween(400L, 1500L);
  }
}
