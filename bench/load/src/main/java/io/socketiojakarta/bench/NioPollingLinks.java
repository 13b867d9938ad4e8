package io.socketiojakarta.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Links over Engine.IO v4 HTTP long-polling with a minimal HTTP/1.1 client on one NIO selector
 * thread: per client, one keep-alive connection for the handshake and the GET always pending, and
 * one for the POSTs (one at a time, packets queued meanwhile sent together, separated by {@code
 * \u001e}). Responses with a Content-Length or chunked. Every {@link SioClient} callback runs on
 * the selector thread.
 */
final class NioPollingLinks implements SioClient.Connector, AutoCloseable {
  private static final String SEPARATOR = "\u001e";

  private final InetSocketAddress address;
  private final String host;
  private final String path = "/socket.io/?EIO=4&transport=polling";
  private final SelectorLoop loop;
  private final ByteBuffer in = ByteBuffer.allocate(1 << 16);

  NioPollingLinks(URI base) throws IOException {
    this.address = new InetSocketAddress(base.getHost(), base.getPort());
    this.host = base.getHost() + ":" + base.getPort();
    this.loop = new SelectorLoop("nio-polling-links");
  }

  @Override
  public void open(SioClient client) {
    loop.run(() -> new Link(client).handshake());
  }

  @Override
  public void close() throws IOException {
    loop.close();
  }

  /** A response: status and body. */
  private interface Then {
    void accept(int status, String body);
  }

  /** One keep-alive HTTP/1.1 connection with at most one request outstanding. */
  private final class Conn implements SelectorLoop.Conn {
    private final Link link;
    private SocketChannel channel;
    private SelectionKey key;
    private boolean connected;
    private ByteBuffer out;
    private Then then;
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream(512);

    Conn(Link link) {
      this.link = link;
    }

    /** Sends a request; {@code next} gets the response. On the selector thread. */
    void request(byte[] bytes, Then next) {
      out = ByteBuffer.wrap(bytes);
      then = next;
      try {
        if (channel == null) {
          channel = SocketChannel.open();
          channel.configureBlocking(false);
          channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
          key = channel.register(loop.selector, SelectionKey.OP_CONNECT, this);
          if (channel.connect(address)) {
            connected();
          }
        } else if (connected) {
          flush();
        }
      } catch (IOException e) {
        fail(e);
      }
    }

    @Override
    public void connected() throws IOException {
      channel.finishConnect();
      connected = true;
      key.interestOps(SelectionKey.OP_READ);
      flush();
    }

    @Override
    public void flush() throws IOException {
      if (out == null) {
        return;
      }
      channel.write(out);
      if (out.hasRemaining()) {
        key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
      } else {
        out = null;
        key.interestOps(SelectionKey.OP_READ);
      }
    }

    @Override
    public void read() throws IOException {
      in.clear();
      int n = channel.read(in);
      if (n < 0) {
        throw new IOException("connection closed by the server");
      }
      buf.write(in.array(), 0, n);
      parse();
    }

    /** Delivers the response once it is complete. */
    private void parse() {
      byte[] b = buf.toByteArray();
      int headerEnd = indexOf(b, 0, "\r\n\r\n");
      if (headerEnd < 0) {
        return;
      }
      String head = new String(b, 0, headerEnd, StandardCharsets.ISO_8859_1);
      int status = Integer.parseInt(head.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String line : head.split("\r\n")) {
        String l = line.toLowerCase(Locale.ROOT);
        if (l.startsWith("content-length:")) {
          length = Long.parseLong(l.substring(15).trim());
        } else if (l.startsWith("transfer-encoding:") && l.contains("chunked")) {
          chunked = true;
        }
      }
      int start = headerEnd + 4;
      byte[] body;
      int end;
      if (chunked) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        int p = start;
        while (true) {
          int lineEnd = indexOf(b, p, "\r\n");
          if (lineEnd < 0) {
            return;
          }
          String sizeText = new String(b, p, lineEnd - p, StandardCharsets.ISO_8859_1);
          int semicolon = sizeText.indexOf(';');
          int size =
              Integer.parseInt(
                  (semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
          if (size == 0) {
            if (b.length < lineEnd + 4) {
              return; // the last CRLF is not there yet (no trailers expected)
            }
            end = lineEnd + 4;
            break;
          }
          if (b.length < lineEnd + 2 + size + 2) {
            return;
          }
          content.write(b, lineEnd + 2, size);
          p = lineEnd + 2 + size + 2;
        }
        body = content.toByteArray();
      } else {
        if (length < 0) {
          throw new IllegalStateException("a response without a length");
        }
        if (b.length < start + length) {
          return;
        }
        end = (int) (start + length);
        body = java.util.Arrays.copyOfRange(b, start, end);
      }
      buf.reset();
      buf.write(b, end, b.length - end);
      Then next = then;
      then = null;
      next.accept(status, new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public void fail(Throwable reason) {
      link.fail(reason);
    }

    void close() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }

  private static int indexOf(byte[] b, int from, String what) {
    outer:
    for (int i = from; i <= b.length - what.length(); i++) {
      for (int j = 0; j < what.length(); j++) {
        if (b[i + j] != what.charAt(j)) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** One Engine.IO session; everything on the selector thread except {@link #sendText}. */
  private final class Link implements SioClient.Link {
    private final SioClient client;
    private final Conn get = new Conn(this);
    private final Conn post = new Conn(this);
    private final List<String> queue = new ArrayList<>();
    private String sessionPath;
    private boolean posting;
    private boolean closed;
    private boolean failed;

    Link(SioClient client) {
      this.client = client;
    }

    void handshake() {
      get.request(
          get(path),
          (status, body) -> {
            if (status != 200) {
              fail(new IllegalStateException("handshake " + status + " " + body));
              return;
            }
            int start = body.indexOf("\"sid\":\"") + 7;
            sessionPath = path + "&sid=" + body.substring(start, body.indexOf('"', start));
            client.opened(this);
            packets(body);
            poll();
          });
    }

    private byte[] get(String target) {
      return ("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
    }

    private void poll() {
      if (closed) {
        return;
      }
      get.request(
          get(sessionPath),
          (status, body) -> {
            if (status != 200) {
              fail(new IllegalStateException("GET " + status));
              return;
            }
            packets(body);
            poll();
          });
    }

    private void packets(String body) {
      for (String packet : body.split(SEPARATOR)) {
        if (packet.equals("1") || packet.equals("6") && closed) {
          fail(new IllegalStateException("closed"));
          return;
        }
        client.text(packet);
      }
    }

    @Override
    public void sendText(String packet) {
      loop.run(
          () -> {
            if (failed || sessionPath == null) {
              return;
            }
            queue.add(packet);
            if (!posting) {
              post();
            }
          });
    }

    private void post() {
      if (queue.isEmpty() || failed) {
        posting = false;
        if (closed) {
          fail(new IllegalStateException("closed"));
        }
        return;
      }
      posting = true;
      byte[] body = String.join(SEPARATOR, queue).getBytes(StandardCharsets.UTF_8);
      queue.clear();
      byte[] head =
          ("POST "
                  + sessionPath
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] request = java.util.Arrays.copyOf(head, head.length + body.length);
      System.arraycopy(body, 0, request, head.length, body.length);
      post.request(
          request,
          (status, text) -> {
            if (status != 200) {
              fail(new IllegalStateException("POST " + status));
              return;
            }
            post();
          });
    }

    @Override
    public void abort() {
      loop.run(
          () -> {
            if (failed) {
              return;
            }
            if (sessionPath == null) {
              fail(new IllegalStateException("aborted"));
              return;
            }
            // an Engine.IO close packet ends the session at once; the connections close after it
            closed = true;
            queue.add("1");
            if (!posting) {
              post();
            }
          });
    }

    void fail(Throwable reason) {
      if (failed) {
        return;
      }
      failed = true;
      get.close();
      post.close();
      client.closed(reason);
    }
  }
}
