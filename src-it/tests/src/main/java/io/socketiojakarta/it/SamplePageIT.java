package io.socketiojakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample WAR deploys and answers over plain HTTP: its page, the Socket.IO handshake at {@code
 * /socket.io/}, the served client bundle and the raw Engine.IO echo at {@code /engine.io/}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SamplePageIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployments.sample();
  }

  @ArquillianResource URL base;

  @Test
  void pageIsServed() {
    HttpResponse<String> page = Http.get(Http.resolve(base, ""));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("socketio-jakarta");
  }

  @Test
  void socketIoHandshakeOverPolling() {
    HttpResponse<String> open = Http.get(Http.resolve(base, "socket.io/?EIO=4&transport=polling"));
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body())
        .startsWith("0{\"sid\":\"")
        .contains("\"upgrades\":[\"websocket\"]")
        // @SocketIoConfiguration(pingInterval = "20s") on the sample's ChatApplication
        .contains("\"pingInterval\":20000,\"pingTimeout\":20000");
  }

  @Test
  void clientBundleIsServed() {
    HttpResponse<String> bundle = Http.get(Http.resolve(base, "socket.io/socket.io.js"));
    assertThat(bundle.statusCode()).isEqualTo(200);
    assertThat(bundle.headers().firstValue("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/javascript"));
    assertThat(bundle.headers().firstValue("etag")).isPresent();
    assertThat(bundle.body()).contains("Socket.IO v");
  }

  @Test
  void engineIoEchoAnswers() {
    HttpResponse<String> open = Http.get(Http.resolve(base, "engine.io/?EIO=4&transport=polling"));
    assertThat(open.body()).startsWith("0{\"sid\":\"");
    String session = "engine.io/?EIO=4&transport=polling&sid=" + Http.sidOf(open.body());
    assertThat(Http.post(Http.resolve(base, session), "4hello\u001e4€😀").body()).isEqualTo("ok");
    assertThat(Http.get(Http.resolve(base, session)).body()).isEqualTo("4hello\u001e4€😀");
  }
}
