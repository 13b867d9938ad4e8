package io.socketiojakarta.config;

import io.socketiojakarta.testing.MiniJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 on 127.0.0.1 (free port) with a web application at the context root that the
 * {@link SocketIoInitializer} sets up, as a container does for a WAR with the library in {@code
 * WEB-INF/lib}: the context parameters play {@code web.xml}, the classes are what the container's
 * scan found for {@code @HandlesTypes}.
 */
final class InitializerServer implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  final Server jetty;
  final ServletContextHandler context;

  private InitializerServer(Server jetty, ServletContextHandler context) {
    this.jetty = jetty;
    this.context = context;
  }

  /** Starts Jetty; throws what the start threw (the server is stopped then). */
  static InitializerServer start(Map<String, String> contextParameters, Class<?>... classes)
      throws Exception {
    InitializerServer s = create(contextParameters, classes);
    try {
      s.jetty.start();
    } catch (Exception e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** A server that is not started yet. */
  static InitializerServer create(Map<String, String> contextParameters, Class<?>... classes) {
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    contextParameters.forEach(context::setInitParameter);
    JakartaWebSocketServletContainerInitializer.configure(context, null);
    context.addServletContainerInitializer(new SocketIoInitializer(), classes);
    jetty.setHandler(context);
    return new InitializerServer(jetty, context);
  }

  int localPort() {
    return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
  }

  /** A GET on {@code path} under the context root. */
  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort() + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A POST of {@code body} on {@code path} under the context root. */
  HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + localPort() + path))
            .timeout(Duration.ofSeconds(5))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The open packet of a polling handshake at {@code enginePath}, as JSON. */
  Map<String, Object> handshake(String enginePath) throws Exception {
    HttpResponse<String> res = get(enginePath + "?EIO=4&transport=polling");
    if (res.statusCode() != 200 || !res.body().startsWith("0{\"sid\":")) {
      throw new AssertionError(
          "no handshake at " + enginePath + ": " + res.statusCode() + " " + res.body());
    }
    return MiniJson.object(res.body().substring(1));
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }
}
