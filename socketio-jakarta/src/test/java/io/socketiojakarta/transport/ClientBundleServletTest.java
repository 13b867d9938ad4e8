package io.socketiojakarta.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.engine.CorsOptions;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.testing.JettyTestServer;
import io.socketiojakarta.transport.polling.ClientBundleServlet;
import jakarta.servlet.ServletRegistration;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The official browser client served next to an engine at {@code /socket.io/}, under a context
 * path, compared byte for byte with the files of the npm package the build copied.
 */
class ClientBundleServletTest {
  private static final Path NPM_DIST = Path.of("src/client/node_modules/socket.io-client/dist");
  private static final Path NPM_PACKAGE =
      Path.of("src/client/node_modules/socket.io-client/package.json");

  private static JettyTestServer server;
  private static HttpClient http;
  private static String version;

  @BeforeAll
  static void start() throws Exception {
    Matcher m =
        Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"")
            .matcher(Files.readString(NPM_PACKAGE, StandardCharsets.UTF_8));
    assertThat(m.find()).isTrue();
    version = m.group(1);
    server =
        JettyTestServer.start(
            "/ctx",
            EngineOptions.builder().path("/socket.io/").build(),
            JettyTestServer.ECHO,
            context -> {
              ServletRegistration.Dynamic reg =
                  context.addServlet("socket.io client", new ClientBundleServlet());
              ClientBundleServlet.FILES.forEach(f -> reg.addMapping("/socket.io/" + f));
            });
    http = HttpClient.newHttpClient();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static HttpResponse<byte[]> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest.Builder get(String file) {
    return HttpRequest.newBuilder(server.uri("/socket.io/" + file));
  }

  private static String header(HttpResponse<?> res, String name) {
    return res.headers().firstValue(name).orElse(null);
  }

  /** The media type and charset of a Content-Type, lower case and without spaces. */
  private static String normalized(String contentType) {
    return contentType.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
  }

  @Test
  void clientVersionIsTheInstalledPackageVersion() {
    assertThat(ClientBundleServlet.clientVersion()).isEqualTo(version).matches("4\\.8\\.\\d+");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "socket.io.js",
        "socket.io.js.map",
        "socket.io.min.js",
        "socket.io.min.js.map",
        "socket.io.esm.min.js",
        "socket.io.esm.min.js.map"
      })
  void servesTheNpmFileWithTheReferenceHeaders(String file) throws Exception {
    HttpResponse<byte[]> res = send(get(file));

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo(Files.readAllBytes(NPM_DIST.resolve(file)));
    assertThat(normalized(header(res, "Content-Type")))
        .isEqualTo(
            file.endsWith(".map")
                ? "application/json;charset=utf-8"
                : "application/javascript;charset=utf-8");
    assertThat(header(res, "ETag")).isEqualTo('"' + version + '"');
    assertThat(header(res, "Cache-Control")).isEqualTo("public, max-age=0");
    assertThat(header(res, "Vary")).contains("Accept-Encoding");
    assertThat(header(res, "Content-Encoding")).isNull();
    assertThat(header(res, "Content-Length")).isEqualTo(Integer.toString(res.body().length));
  }

  @Test
  void everyServedFileIsTested() {
    assertThat(ClientBundleServlet.FILES)
        .containsExactlyInAnyOrder(
            "socket.io.js",
            "socket.io.js.map",
            "socket.io.min.js",
            "socket.io.min.js.map",
            "socket.io.esm.min.js",
            "socket.io.esm.min.js.map");
  }

  @Test
  void minifiedBundleStartsWithTheBannerOfItsVersion() throws Exception {
    HttpResponse<byte[]> res = send(get("socket.io.min.js"));

    assertThat(new String(res.body(), StandardCharsets.UTF_8))
        .startsWith("/*!\n * Socket.IO v" + version + "\n");
  }

  @Test
  void matchingIfNoneMatchGets304WithoutBody() throws Exception {
    for (String tag : new String[] {'"' + version + '"', "W/\"" + version + '"'}) {
      HttpResponse<byte[]> res = send(get("socket.io.js").header("If-None-Match", tag));

      assertThat(res.statusCode()).as(tag).isEqualTo(304);
      assertThat(res.body()).as(tag).isEmpty();
      assertThat(header(res, "ETag")).isEqualTo('"' + version + '"');
    }
  }

  @Test
  void otherIfNoneMatchGetsTheFile() throws Exception {
    HttpResponse<byte[]> res = send(get("socket.io.min.js").header("If-None-Match", "\"4.0.0\""));

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEqualTo(Files.readAllBytes(NPM_DIST.resolve("socket.io.min.js")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"socket.io.js", "socket.io.min.js.map"})
  void gzipWhenAccepted(String file) throws Exception {
    HttpResponse<byte[]> res = send(get(file).header("Accept-Encoding", "br, gzip, deflate"));

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(header(res, "Content-Encoding")).isEqualTo("gzip");
    assertThat(header(res, "Vary")).contains("Accept-Encoding");
    assertThat(gunzip(res.body())).isEqualTo(Files.readAllBytes(NPM_DIST.resolve(file)));
    assertThat(res.body().length).isLessThan(Files.readAllBytes(NPM_DIST.resolve(file)).length);
  }

  @Test
  void refusedGzipIsNotSent() throws Exception {
    HttpResponse<byte[]> res =
        send(get("socket.io.js").header("Accept-Encoding", "gzip;q=0, identity"));

    assertThat(header(res, "Content-Encoding")).isNull();
    assertThat(res.body()).isEqualTo(Files.readAllBytes(NPM_DIST.resolve("socket.io.js")));
  }

  @Test
  void headHasTheHeadersAndNoBody() throws Exception {
    HttpResponse<byte[]> res =
        send(get("socket.io.esm.min.js").method("HEAD", HttpRequest.BodyPublishers.noBody()));

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).isEmpty();
    assertThat(header(res, "ETag")).isEqualTo('"' + version + '"');
    assertThat(normalized(header(res, "Content-Type")))
        .isEqualTo("application/javascript;charset=utf-8");
    assertThat(header(res, "Content-Length"))
        .isEqualTo(Long.toString(Files.size(NPM_DIST.resolve("socket.io.esm.min.js"))));
  }

  @Test
  void otherMethodsAreRefused() throws Exception {
    HttpResponse<byte[]> res =
        send(get("socket.io.js").POST(HttpRequest.BodyPublishers.ofString("x")));

    assertThat(res.statusCode()).isEqualTo(405);
  }

  @Test
  void otherFilesUnderThePathStayWithTheEngine() throws Exception {
    HttpResponse<byte[]> msgpack = send(get("socket.io.msgpack.min.js"));
    assertThat(msgpack.statusCode()).isEqualTo(400);
    assertThat(new String(msgpack.body(), StandardCharsets.UTF_8)).contains("\"code\":0");

    HttpResponse<byte[]> handshake = send(get("?EIO=4&transport=polling"));
    assertThat(handshake.statusCode()).isEqualTo(200);
    assertThat(new String(handshake.body(), StandardCharsets.UTF_8)).startsWith("0{\"sid\":\"");
  }

  @Test
  void corsHeadersAndPreflightWhenGivenTheEngineCors() throws Exception {
    try (JettyTestServer cors =
        JettyTestServer.start(
            "",
            EngineOptions.builder().path("/socket.io/").build(),
            JettyTestServer.ECHO,
            context ->
                context
                    .addServlet(
                        "client",
                        new ClientBundleServlet(CorsOptions.builder().anyOrigin().build()))
                    .addMapping("/socket.io/socket.io.esm.min.js", "/bundle/*"))) {
      HttpResponse<byte[]> preflight =
          send(
              HttpRequest.newBuilder(cors.uri("/socket.io/socket.io.esm.min.js"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "https://app.example.com")
                  .header("Access-Control-Request-Method", "GET"));
      assertThat(preflight.statusCode()).isEqualTo(204);
      assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo("*");

      HttpResponse<byte[]> res =
          send(
              HttpRequest.newBuilder(cors.uri("/socket.io/socket.io.esm.min.js"))
                  .header("Origin", "https://app.example.com"));
      assertThat(res.statusCode()).isEqualTo(200);
      assertThat(header(res, "Access-Control-Allow-Origin")).isEqualTo("*");

      // mapped by prefix, the servlet still serves only the bundle's files
      assertThat(send(HttpRequest.newBuilder(cors.uri("/bundle/socket.io.min.js"))).statusCode())
          .isEqualTo(200);
      assertThat(send(HttpRequest.newBuilder(cors.uri("/bundle/other.js"))).statusCode())
          .isEqualTo(404);
    }
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }
}
