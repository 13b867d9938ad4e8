package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.MAX_PAYLOAD;
import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A chunked POST over the limit: the 413 goes out, the rest of the body is drained while the
 * listener keeps reading (the ReadListener contract: read until isReady() is false), and the
 * request completes as soon as the body has arrived, not at the async timeout.
 */
class ChunkedOversizePostTest extends FixtureServer {

  @Test
  void chunkedOversizedPostIsCompletedPromptlyAfterThe413() throws Exception {
    String sid = http.handshake().sid();
    byte[] body = ("4" + "a".repeat(MAX_PAYLOAD + 64 * 1024)).getBytes(StandardCharsets.US_ASCII);
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", server.port()), 3000);
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("POST "
                  + server.uri(PATH).getRawPath()
                  + "?"
                  + EioHttp.q(sid)
                  + " HTTP/1.1\r\n"
                  + "Host: 127.0.0.1\r\nContent-Type: text/plain;charset=UTF-8\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n"
                  + Integer.toHexString(body.length)
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      long sent = System.nanoTime();
      InputStream in = s.getInputStream();
      StringBuilder head = new StringBuilder();
      int c;
      while ((c = in.read()) >= 0) { // the 413 (Content-Length: 0, Connection: close)
        head.append((char) c);
        if (head.toString().endsWith("\r\n\r\n")) {
          break;
        }
      }
      assertThat(head.toString()).startsWith("HTTP/1.1 413");
      int eof = in.read(); // the whole body was sent: the server should finish and close now
      long ms = (System.nanoTime() - sent) / 1_000_000;
      assertThat(eof).isEqualTo(-1);
      assertThat(ms).as("ms until the server closed the connection").isLessThan(2_000);
    }
  }
}
