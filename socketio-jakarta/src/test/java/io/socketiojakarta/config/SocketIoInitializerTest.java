package io.socketiojakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.annotation.SocketIoConfiguration;
import io.socketiojakarta.engine.EngineOptions;
import jakarta.servlet.ServletException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container initializer on a real embedded Jetty: what it mounts, where and with which options,
 * as seen by a client's polling handshake.
 */
class SocketIoInitializerTest {
  static final List<String> calls = new CopyOnWriteArrayList<>();

  @BeforeEach
  void reset() {
    calls.clear();
  }

  @Test
  void defaultsMountTheServerAtSocketIo() throws Exception {
    try (InitializerServer s = InitializerServer.start(Map.of())) {
      Map<String, Object> open = s.handshake("/socket.io/");
      assertThat(open)
          .containsEntry("pingInterval", 25000L)
          .containsEntry("pingTimeout", 20000L)
          .containsEntry("maxPayload", 1000000L)
          .containsEntry("upgrades", List.of("websocket"));
      assertThat(s.context.getServletContext().getAttribute(Server.class.getName()))
          .isInstanceOf(Server.class);
      assertThat(s.get("/socket.io/socket.io.min.js").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void contextParametersSetPathAndTimers() throws Exception {
    Map<String, String> params =
        Map.of(
            "socketio.path", "/rt/",
            "socketio.pingInterval", "5s",
            "socketio.pingTimeout", "PT4S",
            "socketio.maxHttpBufferSize", "5000",
            "socketio.transports", "polling",
            "socketio.serveClient", "false");
    try (InitializerServer s = InitializerServer.start(params)) {
      Map<String, Object> open = s.handshake("/rt/");
      assertThat(open)
          .containsEntry("pingInterval", 5000L)
          .containsEntry("pingTimeout", 4000L)
          .containsEntry("maxPayload", 5000L)
          .containsEntry("upgrades", List.of());
      assertThat(s.get("/socket.io/?EIO=4&transport=polling").statusCode()).isEqualTo(404);
      // no bundle: the engine answers (400, not a handshake)
      assertThat(s.get("/rt/socket.io.min.js").statusCode()).isEqualTo(400);
    }
  }

  @SocketIoConfiguration(path = "/annotated/", pingInterval = "12000", pingTimeout = "3s")
  public static class AnnotatedApplication {}

  @SocketIoConfiguration(path = "/other/")
  public static class OtherAnnotatedApplication {}

  @Test
  void annotationOnAnApplicationClassSetsPathAndTimers() throws Exception {
    try (InitializerServer s = InitializerServer.start(Map.of(), AnnotatedApplication.class)) {
      assertThat(s.handshake("/annotated/"))
          .containsEntry("pingInterval", 12000L)
          .containsEntry("pingTimeout", 3000L);
    }
  }

  @Test
  void contextParametersOverrideTheAnnotation() throws Exception {
    try (InitializerServer s =
        InitializerServer.start(
            Map.of("socketio.pingInterval", "7000ms"), AnnotatedApplication.class)) {
      assertThat(s.handshake("/annotated/"))
          .containsEntry("pingInterval", 7000L)
          .containsEntry("pingTimeout", 3000L);
    }
  }

  @Test
  void annotationOnTwoClassesFailsNamingBoth() {
    assertThatThrownBy(
            () ->
                InitializerServer.start(
                    Map.of(), OtherAnnotatedApplication.class, AnnotatedApplication.class))
        .isInstanceOf(ServletException.class)
        .hasMessage(
            "@SocketIoConfiguration is on more than one class: "
                + AnnotatedApplication.class.getName()
                + " and "
                + OtherAnnotatedApplication.class.getName()
                + "; keep it on one class only");
  }

  /** Runs second (class names in order): sees what the first set. */
  public static class ZSecondConfigurer implements SocketIoConfigurer {
    @Override
    public void configureEngine(EngineOptions.Builder options) {
      calls.add("Z.configureEngine");
      options.pingTimeout(Duration.ofMillis(1500));
    }

    @Override
    public void configure(Server server) {
      calls.add("Z.configure " + server.path() + " " + server.options().connectTimeout());
    }
  }

  /** Runs first. */
  public static class ASecondConfigurer implements SocketIoConfigurer {
    @Override
    public void configureEngine(EngineOptions.Builder options) {
      calls.add("A.configureEngine");
      options.pingInterval(Duration.ofMillis(2500)).pingTimeout(Duration.ofMillis(900));
    }

    @Override
    public void configureServer(ServerOptions.Builder options) {
      calls.add("A.configureServer");
      options.connectTimeout(Duration.ofSeconds(3));
    }

    @Override
    public void configure(Server server) {
      calls.add("A.configure " + server.path());
      server.onConnection(socket -> socket.emit("welcome"));
    }
  }

  /** Not a configurer of its own. */
  public abstract static class AbstractConfigurer implements SocketIoConfigurer {}

  @Test
  void configurersRunLastInClassNameOrderAndSeeTheServer() throws Exception {
    try (InitializerServer s =
        InitializerServer.start(
            Map.of("socketio.pingInterval", "9s", "socketio.path", "/cfg/"),
            ZSecondConfigurer.class,
            AbstractConfigurer.class,
            AnnotatedApplication.class,
            ASecondConfigurer.class)) {
      assertThat(s.handshake("/cfg/"))
          .containsEntry("pingInterval", 2500L)
          .containsEntry("pingTimeout", 1500L);
      assertThat(calls)
          .containsExactly(
              "A.configureEngine",
              "A.configureServer",
              "Z.configureEngine",
              "A.configure /cfg/",
              "Z.configure /cfg/ PT3S");
      Server io = (Server) s.context.getServletContext().getAttribute(Server.class.getName());
      assertThat(io.path()).isEqualTo("/cfg/");
    }
  }

  /** Sets an invalid option. */
  public static class BrokenConfigurer implements SocketIoConfigurer {
    @Override
    public void configureEngine(EngineOptions.Builder options) {
      options.pingInterval(Duration.ZERO);
    }
  }

  @Test
  void configurerWithInvalidOptionsFailsNamingIt() throws Exception {
    InitializerServer s = InitializerServer.create(Map.of(), BrokenConfigurer.class);
    assertThatThrownBy(s.jetty::start)
        .isInstanceOf(ServletException.class)
        .hasMessage(
            "socketio: SocketIoConfigurer "
                + BrokenConfigurer.class.getName()
                + " set invalid options: pingInterval must be positive: PT0S");
    s.close();
    assertNothingMounted(s);
  }

  @Test
  void invalidContextParameterFailsStartupAndMountsNothing() throws Exception {
    InitializerServer s =
        InitializerServer.create(
            Map.of("socketio.path", "/x/", "socketio.pingInterval", "abc"),
            ASecondConfigurer.class);
    assertThatThrownBy(s.jetty::start)
        .isInstanceOf(ServletException.class)
        .hasMessageStartingWith(
            "socketio.pingInterval: \"abc\" is not a duration (web.xml context parameter)");
    s.close();
    assertNothingMounted(s);
    assertThat(calls).isEmpty();
  }

  @SocketIoConfiguration(transports = "polling,carrier-pigeon")
  public static class BadTransports {}

  @Test
  void invalidAnnotationValueFailsNamingTheClass() throws Exception {
    InitializerServer s = InitializerServer.create(Map.of(), BadTransports.class);
    assertThatThrownBy(s.jetty::start)
        .isInstanceOf(ServletException.class)
        .hasMessage(
            "socketio.transports: \"polling,carrier-pigeon\" is invalid: unknown transport:"
                + " carrier-pigeon (@SocketIoConfiguration on class "
                + BadTransports.class.getName()
                + ")");
    s.close();
    assertNothingMounted(s);
  }

  @Test
  void unknownContextParameterFailsStartup() throws Exception {
    InitializerServer s = InitializerServer.create(Map.of("socketio.pingIntervall", "5s"));
    assertThatThrownBy(s.jetty::start)
        .isInstanceOf(ServletException.class)
        .hasMessageStartingWith(
            "socketio.pingIntervall: \"5s\" is not a known parameter (web.xml context parameter);"
                + " known: socketio.enabled, socketio.path, socketio.pingInterval,");
    s.close();
    assertNothingMounted(s);
  }

  @Test
  void switchedOffMountsNothing() throws Exception {
    try (InitializerServer s =
        InitializerServer.start(Map.of("socketio.enabled", "FALSE"), ASecondConfigurer.class)) {
      assertThat(s.get("/socket.io/?EIO=4&transport=polling").statusCode()).isEqualTo(404);
      assertThat(s.get("/socket.io/socket.io.js").statusCode()).isEqualTo(404);
      assertNothingMounted(s);
      assertThat(calls).isEmpty();
    }
  }

  @SocketIoConfiguration(enabled = "false")
  public static class SwitchedOff {}

  @Test
  void switchedOffByAnnotationMountsNothingAndLetsTheApplicationMountItsOwn() throws Exception {
    try (InitializerServer s = InitializerServer.create(Map.of(), SwitchedOff.class)) {
      s.context.addEventListener(
          new jakarta.servlet.ServletContextListener() {
            @Override
            public void contextInitialized(jakarta.servlet.ServletContextEvent e) {
              SocketIoMount.install(
                  e.getServletContext(),
                  EngineOptions.builder().path("/own/").build(),
                  ServerOptions.defaults());
            }
          });
      s.jetty.start();
      assertThat(s.get("/socket.io/?EIO=4&transport=polling").statusCode()).isEqualTo(404);
      assertThat(s.handshake("/own/")).containsEntry("pingInterval", 25000L);
    }
  }

  @Test
  void mountingASecondServerAtTheSamePathFailsWithAHint() throws Exception {
    InitializerServer s = InitializerServer.create(Map.of());
    s.context.addEventListener(
        new jakarta.servlet.ServletContextListener() {
          @Override
          public void contextInitialized(jakarta.servlet.ServletContextEvent e) {
            SocketIoMount.install(e.getServletContext(), ServerOptions.defaults());
          }
        });
    assertThatThrownBy(s.jetty::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "a Socket.IO or Engine.IO server is already mounted at /socket.io/ in this web"
                + " application (the library mounts one itself when the application starts): to"
                + " mount your own, set the context parameter socketio.enabled=false in web.xml;"
                + " to set up the library's server, implement a SocketIoConfigurer instead");
    s.close();
  }

  /** Records how its sockets leave. */
  public static class DisconnectRecorder implements SocketIoConfigurer {
    @Override
    public void configure(Server server) {
      server.onConnection(
          socket -> socket.onDisconnect((reason, description) -> calls.add("left: " + reason)));
    }
  }

  @Test
  void stoppingTheApplicationClosesTheServer() throws Exception {
    InitializerServer s = InitializerServer.start(Map.of(), DisconnectRecorder.class);
    try {
      String sid = (String) s.handshake("/socket.io/").get("sid");
      String url = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
      assertThat(s.post(url, "40").body()).isEqualTo("ok");
      assertThat(s.get(url).body()).startsWith("40{\"sid\":");
    } finally {
      s.close();
    }
    // the disconnect listener runs on the handler pool, maybe just after stop returned
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (calls.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(calls).containsExactly("left: server shutting down");
  }

  private static void assertNothingMounted(InitializerServer s) {
    assertThat(s.context.getServletHandler().getServlets())
        .extracting(h -> h.getName())
        .noneMatch(n -> n.startsWith("engine.io:") || n.startsWith("socket.io-client:"));
    assertThat(s.context.getServletContext().getAttribute(Server.class.getName())).isNull();
  }
}
