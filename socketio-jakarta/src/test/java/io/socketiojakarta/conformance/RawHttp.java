package io.socketiojakarta.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * HTTP/1.1 over a plain {@link Socket}, for what {@code HttpClient} cannot do: reading the body of
 * a refused WebSocket upgrade, seeing the 101 headers, sending headers whose body never comes.
 */
final class RawHttp implements AutoCloseable {
  static final int READ_TIMEOUT_MS = 3000;

  /** A parsed answer; header names in lower case. */
  record Response(int status, Map<String, List<String>> headers, byte[] bytes) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    @Override
    public String toString() {
      return status + " " + headers + " " + body();
    }
  }

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;

  private RawHttp(Socket socket) throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
  }

  static RawHttp open(int port) throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress("127.0.0.1", port), 3000);
    s.setSoTimeout(READ_TIMEOUT_MS);
    return new RawHttp(s);
  }

  /** Sends a whole request on a new connection and reads the answer. */
  static Response exchange(int port, String request) throws IOException {
    try (RawHttp raw = open(port)) {
      raw.write(request);
      return raw.readResponse();
    }
  }

  /**
   * A WebSocket upgrade request for {@code target} (path and query), with extra header lines (each
   * ending with CRLF).
   */
  static String upgradeRequest(int port, String target, String extraHeaders) {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    return "GET "
        + target
        + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1:"
        + port
        + "\r\n"
        + "Upgrade: websocket\r\n"
        + "Connection: Upgrade\r\n"
        + "Sec-WebSocket-Key: "
        + Base64.getEncoder().encodeToString(key)
        + "\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + extraHeaders
        + "\r\n";
  }

  /** Sets how long a read may wait. */
  void soTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** Reads one answer: status line, headers, and the body (none for 101/204/304). */
  Response readResponse() throws IOException {
    String status = line();
    String[] parts = status.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP status line: " + status);
    }
    int code = Integer.parseInt(parts[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      headers
          .computeIfAbsent(
              h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(h.substring(colon + 1).trim());
    }
    byte[] body;
    List<String> length = headers.get("content-length");
    List<String> te = headers.get("transfer-encoding");
    if (code == 101 || code == 204 || code == 304) {
      body = new byte[0];
    } else if (length != null) {
      body = in.readNBytes(Integer.parseInt(length.get(0)));
    } else if (te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int n = Integer.parseInt(line().split(";")[0].trim(), 16);
          n > 0;
          n = Integer.parseInt(line().split(";")[0].trim(), 16)) {
        b.write(in.readNBytes(n));
        line();
      }
      line();
      body = b.toByteArray();
    } else {
      body = in.readAllBytes(); // until the server closes the connection
    }
    return new Response(code, headers, body);
  }

  /** A WebSocket frame from the server: opcode (1 text, 2 binary, 8 close) and payload. */
  record WsFrame(int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  /**
   * Reads one WebSocket message sent by the server (after a 101): unmasked frames, continuation
   * frames joined; control frames are returned as they come.
   */
  WsFrame readWsFrame() throws IOException {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    int opcode = -1;
    while (true) {
      int b0 = in.read();
      int b1 = in.read();
      if (b0 < 0 || b1 < 0) {
        throw new IOException("connection closed by the server");
      }
      long len = b1 & 0x7f;
      if (len == 126) {
        len = ((in.read() & 0xff) << 8) | (in.read() & 0xff);
      } else if (len == 127) {
        len = 0;
        for (int i = 0; i < 8; i++) {
          len = (len << 8) | (in.read() & 0xff);
        }
      }
      byte[] part = in.readNBytes((int) len);
      if (part.length != len) {
        throw new IOException("frame cut short");
      }
      int op = b0 & 0x0f;
      if (op >= 8) {
        return new WsFrame(op, part); // control frames are never fragmented
      }
      if (opcode < 0) {
        opcode = op;
      }
      payload.write(part);
      if ((b0 & 0x80) != 0) {
        return new WsFrame(opcode, payload.toByteArray());
      }
    }
  }

  /** Whether the server closed the connection (end of stream) within the read timeout. */
  boolean closedByServer() {
    try {
      return in.read() < 0;
    } catch (IOException e) {
      return !(e instanceof java.net.SocketTimeoutException);
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        break;
      }
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c < 0 && b.size() == 0) {
      throw new IOException("connection closed by the server");
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
