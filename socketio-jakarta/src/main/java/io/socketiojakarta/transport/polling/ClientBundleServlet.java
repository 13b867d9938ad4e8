package io.socketiojakarta.transport.polling;

import io.socketiojakarta.engine.CorsOptions;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves the official Socket.IO browser client, as the reference does with its {@code serveClient}
 * option: {@code <path>socket.io.js}, {@code socket.io.min.js}, {@code socket.io.esm.min.js} and
 * their source maps, copied at build time from the npm {@code socket.io-client} package into the
 * jar.
 *
 * <p>Map it to the exact patterns {@code <path>} + each of {@link #FILES} (for example {@code
 * /socket.io/socket.io.js}): exact mappings win over the engine servlet's {@code <path>*}, which
 * keeps every other URL under the path. The answers are those of the reference: {@code ETag} is the
 * quoted client version, a matching {@code If-None-Match} gets 304, {@code Cache-Control: public,
 * max-age=0}, {@code application/javascript} or (maps) {@code application/json} in UTF-8, gzip when
 * the client accepts it. A file is read from the class path on its first request and then kept in
 * memory with its gzip copy.
 */
public final class ClientBundleServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The files served, relative to the path. */
  public static final List<String> FILES =
      List.of(
          "socket.io.js",
          "socket.io.js.map",
          "socket.io.min.js",
          "socket.io.min.js.map",
          "socket.io.esm.min.js",
          "socket.io.esm.min.js.map");

  private static final String DIR = "/io/socketiojakarta/client/";
  private static final String JAVASCRIPT = "application/javascript; charset=utf-8";
  private static final String JSON = "application/json; charset=utf-8";
  private static final Map<String, Bundle> LOADED = new ConcurrentHashMap<>();
  private static volatile String version;

  /** The bytes of one file and of its gzip copy. */
  private record Bundle(byte[] plain, byte[] gzip, String contentType) {}

  private final transient CorsOptions cors;

  /** A servlet that sends no CORS header. */
  public ClientBundleServlet() {
    this(null);
  }

  /**
   * A servlet that answers with the engine's CORS headers, as the reference runs its {@code cors}
   * middleware before serving the client (a cross-origin {@code import} of the ESM bundle needs
   * them).
   *
   * @param cors the CORS settings, or null for none
   */
  public ClientBundleServlet(CorsOptions cors) {
    this.cors = cors;
  }

  /**
   * The version of the bundled {@code socket.io-client}, such as {@code 4.8.1}.
   *
   * @return the version
   * @throws IllegalStateException when the jar was built without the client bundle
   */
  public static String clientVersion() {
    String v = version;
    if (v == null) {
      v = new String(read("version.txt"), StandardCharsets.US_ASCII).strip();
      version = v;
    }
    return v;
  }

  /** The {@code ETag} of every file: the quoted client version, as the reference sends it. */
  private static String etag() {
    return '"' + clientVersion() + '"';
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    boolean preflight = "OPTIONS".equals(req.getMethod());
    if (cors != null) {
      cors.headers(new ServletEngineRequest(req), preflight).forEach(resp::setHeader);
      if (preflight) {
        resp.setStatus(204);
        resp.setContentLength(0);
        return;
      }
    }
    switch (req.getMethod()) {
      case "GET" -> serve(req, resp, true);
      case "HEAD" -> serve(req, resp, false);
      default -> {
        resp.setHeader("Allow", "GET, HEAD");
        resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      }
    }
  }

  private void serve(HttpServletRequest req, HttpServletResponse resp, boolean body)
      throws IOException {
    String name = fileName(req);
    if (!FILES.contains(name)) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    Bundle bundle = LOADED.computeIfAbsent(name, ClientBundleServlet::load);
    resp.setHeader("Cache-Control", "public, max-age=0");
    resp.setHeader("ETag", etag());
    resp.setHeader("Vary", appendVary(resp.getHeader("Vary")));
    if (matches(req.getHeaders("If-None-Match").asIterator())) {
      resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return;
    }
    boolean gzip = "gzip".equals(HttpAnswers.encodingFor(req.getHeader("Accept-Encoding")));
    byte[] bytes = gzip ? bundle.gzip() : bundle.plain();
    resp.setStatus(HttpServletResponse.SC_OK);
    resp.setContentType(bundle.contentType());
    if (gzip) {
      resp.setHeader("Content-Encoding", "gzip");
    }
    resp.setContentLength(bytes.length);
    if (body) {
      resp.getOutputStream().write(bytes);
    }
  }

  /** The last segment of the request's path within the application. */
  private static String fileName(HttpServletRequest req) {
    String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String appendVary(String vary) {
    return vary == null || vary.isBlank() ? "Accept-Encoding" : vary + ", Accept-Encoding";
  }

  /**
   * Whether an {@code If-None-Match} list names the current version (weak comparison, so {@code
   * W/"4.8.1"} matches too, as in the reference) or is {@code *}.
   */
  private static boolean matches(Iterator<String> headers) {
    while (headers.hasNext()) {
      for (String tag : headers.next().split(",")) {
        String t = tag.strip();
        if (t.startsWith("W/")) {
          t = t.substring(2);
        }
        if (t.equals("*") || t.equals(etag())) {
          return true;
        }
      }
    }
    return false;
  }

  private static Bundle load(String name) {
    byte[] plain = read(name);
    return new Bundle(
        plain, HttpAnswers.compress(plain, "gzip"), name.endsWith(".map") ? JSON : JAVASCRIPT);
  }

  private static byte[] read(String name) {
    try (InputStream in = ClientBundleServlet.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException(
            "the Socket.IO client file "
                + name
                + " is not on the class path: the jar was built without the client bundle");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Socket.IO client file " + name, e);
    }
  }
}
