package io.socketiojakarta.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.annotation.SocketIoConfiguration;
import io.socketiojakarta.engine.EngineOptions;
import jakarta.servlet.ServletException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The configuration read from {@code web.xml} context parameters and the annotation: the options
 * every parameter sets, the precedence, and the message of every kind of error (golden strings).
 */
class SocketIoSettingsTest {
  private static final String WEB_XML = "(web.xml context parameter)";

  private static SocketIoSettings resolve(Map<String, String> params, Class<?>... classes)
      throws ServletException {
    return SocketIoSettings.resolve(Set.of(classes), params);
  }

  private static EngineOptions engine(SocketIoSettings s) {
    return s.draft().engine.build();
  }

  private static ServerOptions server(SocketIoSettings s) {
    return s.draft().server.build();
  }

  private static String error(Map<String, String> params, Class<?>... classes) {
    try {
      resolve(params, classes);
    } catch (ServletException e) {
      return e.getMessage();
    }
    throw new AssertionError("no error for " + params);
  }

  @Test
  void parametersAreTheAnnotationElements() {
    assertThat(Stream.of(ConfigParameter.values()).map(ConfigParameter::simpleName))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(SocketIoConfiguration.class.getDeclaredMethods())
                .map(Method::getName)
                .toList());
  }

  @Test
  void nothingWrittenGivesTheDefaultsAtSocketIo() throws Exception {
    SocketIoSettings s = resolve(Map.of("other.param", "x"));
    assertThat(s.enabled()).isTrue();
    EngineOptions e = engine(s);
    EngineOptions defaults = EngineOptions.builder().path("/socket.io/").build();
    assertThat(e.path()).isEqualTo("/socket.io/");
    assertThat(e.pingInterval()).isEqualTo(defaults.pingInterval());
    assertThat(e.pingTimeout()).isEqualTo(defaults.pingTimeout());
    assertThat(e.cors()).isEmpty();
    assertThat(e.cookie()).isEmpty();
    assertThat(e.httpCompressionThreshold()).isEqualTo(OptionalInt.of(1024));
    assertThat(server(s)).isEqualTo(ServerOptions.defaults());
  }

  @Test
  void everyParameterSetsItsOption() throws Exception {
    Map<String, String> params = new TreeMap<>();
    params.put("socketio.enabled", "true");
    params.put("socketio.path", "/rt");
    params.put("socketio.pingInterval", "10s");
    params.put("socketio.pingTimeout", "PT5S");
    params.put("socketio.upgradeTimeout", "2500");
    params.put("socketio.maxHttpBufferSize", "2000000");
    params.put("socketio.transports", "websocket");
    params.put("socketio.allowUpgrades", "false");
    params.put("socketio.httpCompression", "false");
    params.put("socketio.perMessageDeflate", "true");
    params.put("socketio.cookie", "sticky");
    params.put("socketio.corsOrigins", "https://a.example, https://b.example");
    params.put("socketio.corsCredentials", "true");
    params.put("socketio.serveClient", "false");
    params.put("socketio.connectTimeout", "2m");
    params.put("socketio.cleanupEmptyChildNamespaces", "true");
    params.put("socketio.maxAttachments", "3");
    params.put("socketio.maxPendingPackets", "50");
    assertThat(params).hasSize(ConfigParameter.values().length);
    SocketIoSettings s = resolve(params);
    EngineOptions e = engine(s);
    assertThat(e.path()).isEqualTo("/rt/");
    assertThat(e.pingInterval()).isEqualTo(Duration.ofSeconds(10));
    assertThat(e.pingTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(e.upgradeTimeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(e.maxHttpBufferSize()).isEqualTo(2_000_000);
    assertThat(e.transports()).containsExactly("websocket");
    assertThat(e.allowUpgrades()).isFalse();
    assertThat(e.httpCompressionThreshold()).isEmpty();
    assertThat(e.perMessageDeflate()).isTrue();
    assertThat(e.cookie().orElseThrow().headerValue("X"))
        .isEqualTo("sticky=X; Path=/; HttpOnly; SameSite=Lax");
    assertThat(e.cors().orElseThrow().anyOrigin()).isFalse();
    assertThat(e.cors().orElseThrow().origin().test("https://b.example")).isTrue();
    assertThat(e.cors().orElseThrow().origin().test("https://c.example")).isFalse();
    assertThat(e.cors().orElseThrow().credentials()).isTrue();
    ServerOptions o = server(s);
    assertThat(o.serveClient()).isFalse();
    assertThat(o.connectTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(o.cleanupEmptyChildNamespaces()).isTrue();
    assertThat(o.maxAttachments()).isEqualTo(3);
    assertThat(o.maxPendingPackets()).isEqualTo(50);
  }

  @Test
  void anyOriginAndCookieTrueAndCompressionThreshold() throws Exception {
    SocketIoSettings s =
        resolve(
            Map.of(
                "socketio.corsOrigins", "*",
                "socketio.cookie", "TRUE",
                "socketio.httpCompression", "4096"));
    EngineOptions e = engine(s);
    assertThat(e.cors().orElseThrow().anyOrigin()).isTrue();
    assertThat(e.cors().orElseThrow().credentials()).isFalse();
    assertThat(e.cookie().orElseThrow().name()).isEqualTo("io");
    assertThat(e.httpCompressionThreshold()).isEqualTo(OptionalInt.of(4096));
  }

  @SocketIoConfiguration(
      path = "/annotated/",
      pingInterval = "12s",
      cookie = "sid",
      connectTimeout = " 5s ",
      pingTimeout = "")
  static class Annotated {}

  @Test
  void annotationThenContextParametersWin() throws Exception {
    SocketIoSettings s =
        resolve(
            Map.of("socketio.pingInterval", "3000", "socketio.cookie", "false"), Annotated.class);
    EngineOptions e = engine(s);
    assertThat(e.path()).isEqualTo("/annotated/");
    assertThat(e.pingInterval()).isEqualTo(Duration.ofSeconds(3));
    assertThat(e.pingTimeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(e.cookie()).isEmpty();
    assertThat(server(s).connectTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.setting(ConfigParameter.PING_INTERVAL).orElseThrow().source())
        .isEqualTo("web.xml context parameter");
    assertThat(s.setting(ConfigParameter.PATH).orElseThrow().source())
        .isEqualTo("@SocketIoConfiguration on class " + Annotated.class.getName());
  }

  @Test
  void emptyContextParameterLeavesTheOptionAlone() throws Exception {
    SocketIoSettings s = resolve(Map.of("socketio.pingInterval", "  "), Annotated.class);
    assertThat(engine(s).pingInterval()).isEqualTo(Duration.ofSeconds(12));
  }

  @Test
  void switchedOff() throws Exception {
    SocketIoSettings s = resolve(Map.of("socketio.enabled", "False"));
    assertThat(s.enabled()).isFalse();
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pingInterval | abc | is not a duration " + WEB_XML,
        "connectTimeout | 5 sec | is not a duration " + WEB_XML,
        "enabled | no | is not a boolean " + WEB_XML + "; use true or false",
        "allowUpgrades | 1 | is not a boolean " + WEB_XML + "; use true or false",
        "maxHttpBufferSize | 1mb | is not a whole number " + WEB_XML,
        "maxAttachments | 99999999999 | is out of range " + WEB_XML,
        "httpCompression | gzip | is neither a size in bytes nor false "
            + WEB_XML
            + "; use a threshold like 1024, true or false",
        "cookie | a b | is invalid: invalid cookie name: a b " + WEB_XML,
      })
  void valuesThatDoNotParse(String name, String value, String rest) {
    assertThat(error(Map.of("socketio." + name, value)))
        .startsWith("socketio." + name + ": \"" + value + "\" " + rest);
  }

  @Test
  void durationErrorNamesTheAcceptedForms() {
    assertThat(error(Map.of("socketio.pingInterval", "abc")))
        .isEqualTo(
            "socketio.pingInterval: \"abc\" is not a duration (web.xml context parameter); use"
                + " milliseconds (\"25000\"), a number with a unit (\"500ms\", \"25s\", \"2m\","
                + " \"1h\") or ISO-8601 (\"PT25S\")");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "pingInterval | 0 | is invalid: pingInterval must be positive: PT0S",
        "pingTimeout | PT-1S | is invalid: pingTimeout must be positive: PT-1S",
        "path | socket.io | is invalid: path must start with '/': socket.io",
        "maxHttpBufferSize | 0 | is invalid: maxHttpBufferSize out of range: 0",
        "transports | polling,ws | is invalid: unknown transport: ws",
        "transports | ',' | is invalid: transports must not be empty",
        "httpCompression | -1 | is invalid: httpCompression threshold must not be negative",
        "connectTimeout | 0s | is invalid: connectTimeout must be positive",
        "maxPendingPackets | 0 | is invalid: limits must be positive",
        "corsCredentials | true | is invalid: needs socketio.corsOrigins",
        "corsOrigins | '*,https://a.example' | is invalid: \"*\" cannot be combined with other"
            + " origins",
      })
  void valuesTheOptionsReject(String name, String value, String reason) {
    assertThat(error(Map.of("socketio." + name, value)))
        .isEqualTo("socketio." + name + ": \"" + value + "\" " + reason + " " + WEB_XML);
  }

  @Test
  void aCombinationIsBlamedOnTheLaterParameter() {
    assertThat(error(Map.of("socketio.corsOrigins", "*", "socketio.corsCredentials", "true")))
        .isEqualTo(
            "socketio.corsCredentials: \"true\" is invalid: cors: origin \"*\" cannot be combined"
                + " with credentials (web.xml context parameter)");
  }

  @Test
  void unknownContextParameter() {
    assertThat(error(Map.of("socketio.pingIntervall", "5s")))
        .isEqualTo(
            "socketio.pingIntervall: \"5s\" is not a known parameter (web.xml context parameter);"
                + " known: socketio.enabled, socketio.path, socketio.pingInterval,"
                + " socketio.pingTimeout, socketio.upgradeTimeout, socketio.maxHttpBufferSize,"
                + " socketio.transports, socketio.allowUpgrades, socketio.httpCompression,"
                + " socketio.perMessageDeflate, socketio.cookie, socketio.corsOrigins,"
                + " socketio.corsCredentials, socketio.serveClient, socketio.connectTimeout,"
                + " socketio.cleanupEmptyChildNamespaces, socketio.maxAttachments,"
                + " socketio.maxPendingPackets");
  }

  @SocketIoConfiguration(pingInterval = "soon", maxAttachments = "-1")
  static class BadlyAnnotated {}

  @Test
  void annotationErrorsNameTheClass() {
    String source = "(@SocketIoConfiguration on class " + BadlyAnnotated.class.getName() + ")";
    assertThat(error(Map.of(), BadlyAnnotated.class))
        .isEqualTo(
            "socketio.pingInterval: \"soon\" is not a duration "
                + source
                + "; use"
                + " milliseconds (\"25000\"), a number with a unit (\"500ms\", \"25s\", \"2m\","
                + " \"1h\") or ISO-8601 (\"PT25S\")");
  }

  @SocketIoConfiguration(maxAttachments = "-1")
  static class NegativeLimit {}

  @Test
  void aValueTheOptionsRejectIsBlamedOnItsSource() {
    assertThat(error(Map.of("socketio.pingInterval", "1s"), NegativeLimit.class))
        .isEqualTo(
            "socketio.maxAttachments: \"-1\" is invalid: limits must be positive"
                + " (@SocketIoConfiguration on class "
                + NegativeLimit.class.getName()
                + ")");
  }

  @Test
  void anOverriddenValueIsCheckedToo() {
    assertThat(
            error(
                Map.of("socketio.pingInterval", "1s", "socketio.enabled", "false"),
                BadlyAnnotated.class))
        .startsWith("socketio.pingInterval: \"soon\" is not a duration (@SocketIoConfiguration");
  }

  @Test
  void everyErrorIsListed() {
    assertThat(
            error(
                Map.of(
                    "socketio.pingInterval", "abc",
                    "socketio.serveClient", "maybe",
                    "socketio.bogus", "1")))
        .isEqualTo(
            "socketio: 3 configuration errors:\n"
                + "  socketio.bogus: \"1\" is not a known parameter (web.xml context parameter);"
                + " known: "
                + String.join(
                    ", ",
                    Stream.of(ConfigParameter.values()).map(ConfigParameter::paramName).toList())
                + "\n"
                + "  socketio.pingInterval: \"abc\" is not a duration (web.xml context parameter);"
                + " use milliseconds (\"25000\"), a number with a unit (\"500ms\", \"25s\","
                + " \"2m\", \"1h\") or ISO-8601 (\"PT25S\")\n"
                + "  socketio.serveClient: \"maybe\" is not a boolean (web.xml context parameter);"
                + " use true or false");
  }

  @Test
  void twoAnnotatedClasses() {
    assertThat(error(Map.of(), BadlyAnnotated.class, Annotated.class))
        .isEqualTo(
            "@SocketIoConfiguration is on more than one class: "
                + Annotated.class.getName()
                + " and "
                + BadlyAnnotated.class.getName()
                + "; keep it on one class only");
  }
}
