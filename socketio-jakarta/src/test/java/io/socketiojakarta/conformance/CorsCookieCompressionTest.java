package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.engine.CookieOptions;
import io.socketiojakarta.engine.CorsOptions;
import io.socketiojakarta.testing.JettyTestServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Defaults and options of the HTTP side: CORS (off by default), the sticky-session cookie (off by
 * default), HTTP compression of poll answers, and no WebSocket permessage-deflate.
 */
class CorsCookieCompressionTest {
  private static final String ALLOWED = "http://allowed.example";

  /** The fixture: no CORS, no cookie, compression at 1024 bytes. */
  private static JettyTestServer plain;

  /** CORS for {@link #ALLOWED} with credentials, and the default cookie. */
  private static JettyTestServer configured;

  /** CORS for any origin. */
  private static JettyTestServer anyOrigin;

  /** HTTP compression off. */
  private static JettyTestServer uncompressed;

  private static EioHttp http;
  private static EioHttp configuredHttp;

  @BeforeAll
  static void start() throws Exception {
    plain = JettyTestServer.start(Fixture.options().build(), new ServerEvents());
    configured =
        JettyTestServer.start(
            Fixture.options()
                .cors(CorsOptions.builder().origins(List.of(ALLOWED)).credentials(true).build())
                .cookie(CookieOptions.defaults())
                .build(),
            new ServerEvents());
    anyOrigin =
        JettyTestServer.start(
            Fixture.options().cors(CorsOptions.builder().anyOrigin().build()).build(),
            new ServerEvents());
    uncompressed =
        JettyTestServer.start(Fixture.options().noHttpCompression().build(), new ServerEvents());
    http = new EioHttp(plain.uri(PATH));
    configuredHttp = new EioHttp(configured.uri(PATH));
  }

  @AfterAll
  static void stop() throws Exception {
    plain.close();
    configured.close();
    anyOrigin.close();
    uncompressed.close();
  }

  private static List<String> corsHeaderNames(EioHttp.Res res) {
    return res.headers().map().keySet().stream()
        .filter(n -> n.toLowerCase().startsWith("access-control-"))
        .toList();
  }

  // ------------------------------------------------------------------ CORS

  @Test
  void corsOffByDefaultNoAccessControlHeadersForCrossOriginRequests() throws Exception {
    EioHttp.Handshake h = http.handshake("Origin", "http://elsewhere.example");
    assertThat(corsHeaderNames(h.res())).isEmpty();
    EioHttp.Res post = http.send(h.sid(), "4x", "Origin", "http://elsewhere.example");
    EioHttp.Res get = http.poll(h.sid(), "Origin", "http://elsewhere.example");
    assertThat(corsHeaderNames(post)).isEmpty();
    assertThat(corsHeaderNames(get)).isEmpty();
  }

  @Test
  void corsAllowedOriginIsReflectedWithVaryAndCredentials() throws Exception {
    EioHttp.Handshake h = configuredHttp.handshake("Origin", ALLOWED);
    for (EioHttp.Res res :
        List.of(
            h.res(),
            configuredHttp.send(h.sid(), "4x", "Origin", ALLOWED),
            configuredHttp.poll(h.sid(), "Origin", ALLOWED))) {
      assertThat(res.header("access-control-allow-origin")).hasValue(ALLOWED);
      assertThat(res.header("access-control-allow-credentials")).hasValue("true");
      assertThat(res.headers().allValues("vary"))
          .anySatisfy(v -> assertThat(v).containsIgnoringCase("origin"));
    }
  }

  @Test
  void corsOriginNotAllowedGetsNoAllowOriginHeader() throws Exception {
    EioHttp.Handshake h = configuredHttp.handshake("Origin", "http://evil.example");
    assertThat(h.res().header("access-control-allow-origin")).isEmpty();
  }

  @Test
  void corsPreflightIsAnswered204WithDefaultMethods() throws Exception {
    EioHttp.Res res =
        configuredHttp.request(
            "OPTIONS",
            "EIO=4&transport=polling",
            null,
            "Origin",
            ALLOWED,
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type");
    assertThat(res.status()).isEqualTo(204);
    assertThat(res.bytes()).isEmpty();
    assertThat(res.header("access-control-allow-methods"))
        .hasValue("GET,HEAD,PUT,PATCH,POST,DELETE");
    assertThat(res.header("access-control-allow-origin")).hasValue(ALLOWED);
    assertThat(res.header("access-control-allow-credentials")).hasValue("true");
    assertThat(res.header("access-control-allow-headers").orElse(""))
        .containsIgnoringCase("content-type");
  }

  @Test
  void corsAnyOriginAnswersStar() throws Exception {
    EioHttp.Res res =
        new EioHttp(anyOrigin.uri(PATH)).handshake("Origin", "http://whoever.example").res();
    assertThat(res.header("access-control-allow-origin")).hasValue("*");
  }

  @Test
  void webSocketHandshakeCarriesCorsHeadersButNoCookie() throws Exception {
    try (RawHttp raw = RawHttp.open(configured.port())) {
      raw.write(
          RawHttp.upgradeRequest(
              configured.port(),
              configured.uri(PATH).getRawPath() + "?EIO=4&transport=websocket",
              "Origin: " + ALLOWED + "\r\n"));
      RawHttp.Response res = raw.readResponse();
      assertThat(res.status()).isEqualTo(101);
      assertThat(res.header("access-control-allow-origin")).hasValue(ALLOWED);
      assertThat(res.header("set-cookie")).isEmpty();
    }
  }

  // ------------------------------------------------------------------ cookie

  @Test
  void noSetCookieByDefault() throws Exception {
    assertThat(http.handshake().res().header("set-cookie")).isEmpty();
  }

  @Test
  void defaultCookieIsSetOnPollingHandshakeOnly() throws Exception {
    EioHttp.Handshake h = configuredHttp.handshake();
    assertThat(h.res().headers().allValues("set-cookie"))
        .containsExactly("io=" + h.sid() + "; Path=/; HttpOnly; SameSite=Lax");
    assertThat(configuredHttp.send(h.sid(), "4x").header("set-cookie")).isEmpty();
    assertThat(configuredHttp.poll(h.sid()).header("set-cookie")).isEmpty();
  }

  // ------------------------------------------------------------------ HTTP compression

  private static String inflate(InputStream in) throws Exception {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void largePollAnswerIsGzipCompressedForClientAcceptingGzip() throws Exception {
    String sid = http.handshake().sid();
    String text = "4" + "z".repeat(5000);
    http.send(sid, text);
    EioHttp.Res res = http.poll(sid, "Accept-Encoding", "gzip");
    assertThat(res.header("content-encoding")).hasValue("gzip");
    assertThat(res.bytes().length).isLessThan(text.length());
    assertThat(inflate(new GZIPInputStream(new ByteArrayInputStream(res.bytes())))).isEqualTo(text);
  }

  @Test
  void largePollAnswerIsDeflateCompressedForClientAcceptingOnlyDeflate() throws Exception {
    String sid = http.handshake().sid();
    String text = "4" + "z".repeat(5000);
    http.send(sid, text);
    EioHttp.Res res = http.poll(sid, "Accept-Encoding", "deflate");
    assertThat(res.header("content-encoding")).hasValue("deflate");
    assertThat(inflate(new InflaterInputStream(new ByteArrayInputStream(res.bytes()))))
        .isEqualTo(text);
  }

  @Test
  void pollAnswerBelowThresholdIsNotCompressedAtThresholdItIs() throws Exception {
    String sid = http.handshake().sid();
    String below = "4" + "z".repeat(1022); // 1023 bytes
    http.send(sid, below);
    EioHttp.Res small = http.poll(sid, "Accept-Encoding", "gzip");
    assertThat(small.header("content-encoding")).isEmpty();
    assertThat(small.body()).isEqualTo(below);
    String at = "4" + "z".repeat(1023); // 1024 bytes
    http.send(sid, at);
    assertThat(http.poll(sid, "Accept-Encoding", "gzip").header("content-encoding"))
        .hasValue("gzip");
  }

  @Test
  void pollAnswerIsNotCompressedWithoutAcceptEncoding() throws Exception {
    String sid = http.handshake().sid();
    String text = "4" + "z".repeat(5000);
    http.send(sid, text);
    EioHttp.Res res = http.poll(sid);
    assertThat(res.header("content-encoding")).isEmpty();
    assertThat(res.body()).isEqualTo(text);
  }

  @Test
  void pollAnswerIsNotCompressedWithNoHttpCompression() throws Exception {
    EioHttp other = new EioHttp(uncompressed.uri(PATH));
    String sid = other.handshake().sid();
    String text = "4" + "z".repeat(5000);
    other.send(sid, text);
    EioHttp.Res res = other.poll(sid, "Accept-Encoding", "gzip, deflate");
    assertThat(res.header("content-encoding")).isEmpty();
    assertThat(res.body()).isEqualTo(text);
  }

  // ------------------------------------------------------------------ WebSocket compression

  @Test
  void permessageDeflateOfferedByClientIsNotNegotiated() throws Exception {
    try (RawHttp raw = RawHttp.open(plain.port())) {
      raw.write(
          RawHttp.upgradeRequest(
              plain.port(),
              plain.uri(PATH).getRawPath() + "?EIO=4&transport=websocket",
              "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"));
      RawHttp.Response res = raw.readResponse();
      assertThat(res.status()).isEqualTo(101);
      assertThat(res.header("sec-websocket-extensions")).isEmpty();
    }
  }
}
