package io.socketiojakarta.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The sample WAR, dropped into Tomcat as is: its page and its Engine.IO endpoint answer. */
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
    }
  }
}
