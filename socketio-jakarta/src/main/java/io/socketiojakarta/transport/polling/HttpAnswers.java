package io.socketiojakarta.transport.polling;

import io.socketiojakarta.engine.EngineError;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Status lines, headers and bodies of the engine's HTTP answers, as the reference sends them. */
final class HttpAnswers {
  static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
  static final String TEXT_HTML = "text/html";
  static final String JSON = "application/json";
  static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);

  private HttpAnswers() {}

  /** The body and headers of an Engine.IO error over polling. */
  static byte[] error(HttpServletResponse resp, EngineError error, String message) {
    resp.setStatus(error.httpStatus());
    resp.setContentType(JSON);
    return error.json(message).getBytes(StandardCharsets.UTF_8);
  }

  /** A refused WebSocket upgrade: 400 with the message as text/html, connection closed. */
  static byte[] upgradeRefusal(HttpServletResponse resp, String message) {
    resp.setStatus(400);
    resp.setContentType(TEXT_HTML);
    resp.setHeader("Connection", "close");
    return message.getBytes(StandardCharsets.UTF_8);
  }

  /** The encoding to use for a client's Accept-Encoding header: gzip, deflate or null. */
  static String encodingFor(String acceptEncoding) {
    if (acceptEncoding == null) {
      return null;
    }
    String deflate = null;
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.trim().split(";");
      String name = p[0].trim().toLowerCase(java.util.Locale.ROOT);
      boolean refused = p.length > 1 && p[1].trim().replace(" ", "").matches("q=0(\\.0*)?");
      if (refused) {
        continue;
      }
      if (name.equals("gzip") || name.equals("*")) {
        return "gzip";
      }
      if (name.equals("deflate")) {
        deflate = "deflate";
      }
    }
    return deflate;
  }

  /** Compresses a body with gzip or deflate (zlib format, like Node's zlib.createDeflate). */
  static byte[] compress(byte[] body, String encoding) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
    try (var z =
        "gzip".equals(encoding) ? new GZIPOutputStream(out) : new DeflaterOutputStream(out)) {
      z.write(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }
}
