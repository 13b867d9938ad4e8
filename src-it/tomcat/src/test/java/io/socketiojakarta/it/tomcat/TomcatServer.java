package io.socketiojakarta.it.tomcat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** A real embedded Tomcat 10.1 on 127.0.0.1 and a free port running one WAR at the context root. */
final class TomcatServer implements AutoCloseable {
  private final Tomcat tomcat;
  private final int port;

  private TomcatServer(Tomcat tomcat, int port) {
    this.tomcat = tomcat;
    this.port = port;
  }

  /** Deploys the WAR named by the system property (set by the build). */
  static TomcatServer start(String warProperty) throws Exception {
    Path war = Path.of(System.getProperty(warProperty, "missing"));
    if (!Files.isRegularFile(war)) {
      throw new IllegalStateException(
          "WAR not built: " + war + " (run the build from the project root)");
    }
    Path base =
        Files.createDirectories(Path.of(System.getProperty("tomcat.base", "target/tomcat")));
    Path work = Files.createTempDirectory(base, "run");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(work.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    tomcat.getHost().setAppBase(Files.createDirectories(work.resolve("webapps")).toString());
    Context context = tomcat.addWebapp("", war.toAbsolutePath().toString());
    tomcat.start();
    if (context.getState() != LifecycleState.STARTED) {
      tomcat.stop();
      tomcat.destroy();
      throw new IllegalStateException("deployment of " + war + " failed: " + context.getState());
    }
    return new TomcatServer(tomcat, connector.getLocalPort());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  URI wsUri(String path) {
    return URI.create("ws://127.0.0.1:" + port + path);
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }
}
