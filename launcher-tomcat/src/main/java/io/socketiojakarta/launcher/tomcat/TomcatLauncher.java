package io.socketiojakarta.launcher.tomcat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Runs one WAR on embedded Tomcat 10.1 at the context root, bound to a loopback address by default.
 * Prints {@code READY} once the server accepts connections; stops on SIGTERM or Ctrl-C.
 *
 * <pre>
 * java -jar launcher-tomcat/target/launcher-tomcat.jar --war fixture-war/target/fixture-war.war --port 3000
 * </pre>
 */
public final class TomcatLauncher {
  private TomcatLauncher() {}

  /**
   * Starts the server.
   *
   * @param args {@code --war FILE [--host 127.0.0.1] [--port 8080]}
   * @throws Exception when the server cannot start
   */
  public static void main(String[] args) throws Exception {
    String host = "127.0.0.1";
    int port = 8080;
    String war = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> host = args[++i];
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--war" -> war = args[++i];
        default -> usage("unknown argument: " + args[i]);
      }
    }
    if (war == null || !Files.isRegularFile(Path.of(war))) {
      usage("--war must name an existing WAR file: " + war);
    }
    Path base = Files.createTempDirectory("tomcat-launcher");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(base.toString());
    tomcat.getHost().setAppBase(Files.createDirectories(base.resolve("webapps")).toString());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", host);
    tomcat.setConnector(connector);
    Context context = tomcat.addWebapp("", Path.of(war).toAbsolutePath().toString());
    tomcat.start();
    if (context.getState() != LifecycleState.STARTED) {
      System.err.println("deployment failed: " + context.getState());
      tomcat.stop();
      System.exit(1);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    tomcat.stop();
                    tomcat.destroy();
                  } catch (Exception e) {
                    // stopping anyway
                  }
                }));
    System.out.println("READY http://" + host + ":" + connector.getLocalPort() + "/");
    System.out.flush();
    tomcat.getServer().await();
  }

  private static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: TomcatLauncher --war FILE [--host 127.0.0.1] [--port 8080]");
    System.exit(2);
  }
}
