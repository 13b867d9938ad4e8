package io.socketiojakarta.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs one WAR on embedded Jetty 12 (ee10) at the context root, bound to a loopback address by
 * default. Prints {@code READY} once the server accepts connections; stops on SIGTERM or Ctrl-C.
 *
 * <pre>
 * java -jar launcher/target/launcher.jar --war sample-war/target/sample-war.war --port 8080
 * </pre>
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 8080;
    String war = null;
    String context = "/";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--war" -> war = args[++i];
        case "--context" -> context = args[++i];
        default -> usage("unknown argument: " + args[i]);
      }
    }
    if (war == null || !Files.exists(Path.of(war))) {
      usage("--war must name an existing WAR file or directory: " + war);
    }
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);

    WebAppContext webapp = new WebAppContext();
    webapp.setContextPath(context);
    webapp.setWar(Path.of(war).toAbsolutePath().toString());
    webapp.setParentLoaderPriority(false);
    // scan only the WAR's own classes and jars for annotations and initializers
    webapp.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern", "^$");
    server.setHandler(webapp);
    server.setStopAtShutdown(true);
    server.start();
    if (!webapp.isAvailable()) {
      System.err.println("deployment failed: " + webapp.getUnavailableException());
      server.stop();
      System.exit(1);
    }
    System.out.println("READY http://" + host + ":" + connector.getLocalPort() + context);
    System.out.flush();
    server.join();
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: Launcher --war FILE [--host 127.0.0.1] [--port 8080] [--context /]");
    System.exit(2);
  }
}
