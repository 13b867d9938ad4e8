package io.socketiojakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same WAR deployed twice: as built (its annotation sets a 20 s ping interval), and with a
 * {@code web.xml} whose context parameters move the server to {@code /realtime/} with a 5 s ping
 * interval, overriding the annotation. Needs the library's container initializer, which reads
 * {@code socketio.*} context parameters.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfiguredPathIT {
  static final String CONFIGURED = "configured";

  @Deployment(name = "default", testable = false)
  static WebArchive asBuilt() {
    return SampleDeployments.sample();
  }

  @Deployment(name = CONFIGURED, testable = false)
  static WebArchive configured() {
    return SampleDeployments.withContextParams(
        Map.of("socketio.path", "/realtime/", "socketio.pingInterval", "5000"));
  }

  @ArquillianResource
  @OperateOnDeployment("default")
  URL asBuiltBase;

  @ArquillianResource
  @OperateOnDeployment(CONFIGURED)
  URL configuredBase;

  @Test
  void contextParametersSetPathAndPingInterval() {
    HttpResponse<String> open =
        Http.get(Http.resolve(configuredBase, "realtime/?EIO=4&transport=polling"));
    assertThat(open.statusCode()).as("%s", open.body()).isEqualTo(200);
    assertThat(open.body()).startsWith("0{\"sid\":\"").contains("\"pingInterval\":5000,");
  }

  @Test
  void theDeploymentAsBuiltKeepsItsOwnSettings() {
    HttpResponse<String> open =
        Http.get(Http.resolve(asBuiltBase, "socket.io/?EIO=4&transport=polling"));
    assertThat(open.statusCode()).isEqualTo(200);
    // the sample's @SocketIoConfiguration(pingInterval = "20s"), no context parameter over it
    assertThat(open.body()).startsWith("0{\"sid\":\"").contains("\"pingInterval\":20000,");
    assertThat(
            Http.get(Http.resolve(asBuiltBase, "realtime/?EIO=4&transport=polling")).statusCode())
        .isEqualTo(404);
  }
}
