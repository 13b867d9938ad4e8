package io.socketiojakarta.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.testing.JettyTestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class JettySmokeTest {
  @Test
  void pollingHandshakeAnswersOpenPacketUnderAContextPath() throws Exception {
    try (JettyTestServer server =
        JettyTestServer.start("/ctx", EngineOptions.builder().build(), JettyTestServer.ECHO)) {
      HttpResponse<String> res =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.uri("/engine.io/?EIO=4&transport=polling"))
                      .timeout(java.time.Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(res.body()).startsWith("0{\"sid\":\"").contains("\"upgrades\":[\"websocket\"]");
    }
  }
}
