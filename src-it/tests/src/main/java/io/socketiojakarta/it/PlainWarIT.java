package io.socketiojakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A WAR holding nothing but the library jar and a page: no handler, no {@code web.xml}, no CDI
 * beans, no JSON-B in the WAR. Dropping the jar in must mount a working server at {@code
 * /socket.io/} and break nothing else (on WildFly, whose CDI then sees the library's extension with
 * no observer to bind).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlainWarIT {
  /** The system property naming the library jar, set by each container module. */
  static final String JAR_PROPERTY = "it.library.jar";

  @Deployment(testable = false)
  static WebArchive plain() {
    String property = System.getProperty(JAR_PROPERTY, "");
    if (property.isBlank() || !Files.isRegularFile(Path.of(property))) {
      throw new IllegalStateException(
          "library jar not built: '" + property + "' (run the build from the project root)");
    }
    return ShrinkWrap.create(WebArchive.class, UUID.randomUUID() + ".war")
        .addAsLibrary(new File(property), "socketio-jakarta.jar")
        .add(new StringAsset("<!doctype html><title>plain</title>plain page"), "index.html");
  }

  @ArquillianResource URL base;

  @Test
  void theJarAloneMountsAServerAndTheApplicationStillServesItsPages() {
    assertThat(Http.get(Http.resolve(base, "index.html")).body()).contains("plain page");
    HttpResponse<String> open = Http.get(Http.resolve(base, "socket.io/?EIO=4&transport=polling"));
    assertThat(open.statusCode()).isEqualTo(200);
    assertThat(open.body()).startsWith("0{\"sid\":\"").contains("\"pingInterval\":25000,");
    assertThat(Http.get(Http.resolve(base, "socket.io/socket.io.min.js")).statusCode())
        .isEqualTo(200);
  }

  @Test
  void clientsConnectToTheMainNamespaceWithoutHandlers() {
    for (String mode : new String[] {"polling", "websocket"}) {
      try (SampleClients clients = new SampleClients(base, mode)) {
        SampleClients.Recorded client = clients.client("/", Map.of()).connect();
        assertThat(client.id()).isNotBlank();
      }
    }
  }
}
