package io.socketiojakarta.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Links over a minimal WebSocket client (RFC 6455) on one NIO selector thread: the opening
 * handshake, masked text frames out, unmasked frames in (text, continuation, ping, close). Much
 * cheaper per connection and per frame than the JDK client, so that one load generator core can
 * drive the server's core. Every {@link SioClient} callback runs on the selector thread.
 */
final class NioLinks implements SioClient.Connector, AutoCloseable {
  private static final byte[] HEADER_END = {'\r', '\n', '\r', '\n'};

  private final InetSocketAddress address;
  private final byte[] request;
  private final SelectorLoop loop;
  private final ByteBuffer in = ByteBuffer.allocate(1 << 20);

  NioLinks(URI base) throws IOException {
    this.address = new InetSocketAddress(base.getHost(), base.getPort());
    String key = java.util.Base64.getEncoder().encodeToString(new byte[16]);
    this.request =
        ("GET "
                + SioClient.PATH
                + " HTTP/1.1\r\nHost: "
                + base.getHost()
                + ":"
                + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    this.loop = new SelectorLoop("nio-links");
  }

  @Override
  public void open(SioClient client) {
    Link link = new Link(client);
    loop.run(link::start);
  }

  @Override
  public void close() throws IOException {
    loop.close();
  }

  private final class Link implements SioClient.Link, SelectorLoop.Conn {
    private final SioClient client;
    private final ArrayDeque<ByteBuffer> out = new ArrayDeque<>();
    private SocketChannel channel;
    private SelectionKey key;
    private boolean upgraded;
    private boolean closed;
    private byte[] leftover;
    private java.io.ByteArrayOutputStream fragments;

    Link(SioClient client) {
      this.client = client;
    }

    /** On the selector thread. */
    void start() {
      try {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
        key = channel.register(loop.selector, SelectionKey.OP_CONNECT, this);
        if (channel.connect(address)) {
          connected();
        }
      } catch (IOException e) {
        fail(e);
      }
    }

    @Override
    public void connected() throws IOException {
      channel.finishConnect();
      synchronized (this) {
        out.add(ByteBuffer.wrap(request));
      }
      key.interestOps(SelectionKey.OP_READ);
      flush();
    }

    @Override
    public void sendText(String text) {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      int n = payload.length;
      int header = n <= 125 ? 2 : n <= 0xFFFF ? 4 : 10;
      ByteBuffer frame = ByteBuffer.allocate(header + 4 + n);
      frame.put((byte) 0x81);
      if (n <= 125) {
        frame.put((byte) (0x80 | n));
      } else if (n <= 0xFFFF) {
        frame.put((byte) (0x80 | 126)).putShort((short) n);
      } else {
        frame.put((byte) (0x80 | 127)).putLong(n);
      }
      int mask = ThreadLocalRandom.current().nextInt();
      frame.putInt(mask);
      for (int i = 0; i < n; i++) {
        frame.put((byte) (payload[i] ^ (mask >>> (8 * (3 - (i & 3))))));
      }
      frame.flip();
      synchronized (this) {
        if (closed) {
          return;
        }
        out.add(frame);
      }
      loop.run(
          () -> {
            try {
              flush();
            } catch (IOException e) {
              fail(e);
            }
          });
    }

    /** Writes what the socket takes; the rest waits for OP_WRITE. On the selector thread. */
    @Override
    public void flush() throws IOException {
      if (closed || key == null || !upgradedOrHandshaking()) {
        return;
      }
      synchronized (this) {
        ByteBuffer b;
        while ((b = out.peek()) != null) {
          channel.write(b);
          if (b.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            return;
          }
          out.poll();
        }
        if (key.isValid()) {
          key.interestOps(SelectionKey.OP_READ);
        }
      }
    }

    private boolean upgradedOrHandshaking() {
      return channel.isConnected();
    }

    @Override
    public void read() throws IOException {
      while (true) {
        in.clear();
        if (leftover != null) {
          in.put(leftover);
          leftover = null;
        }
        int n = channel.read(in);
        if (n < 0) {
          fail(new IOException("closed by the server"));
          return;
        }
        in.flip();
        boolean full = in.limit() == in.capacity();
        if (!upgraded && !handshake()) {
          keep();
          return;
        }
        frames();
        keep();
        if (n == 0 || closed || !full) {
          return;
        }
      }
    }

    private void keep() {
      if (in.hasRemaining()) {
        leftover = new byte[in.remaining()];
        in.get(leftover);
      }
    }

    /** Consumes the HTTP response head; false when it is not complete yet. */
    private boolean handshake() throws IOException {
      byte[] a = in.array();
      int end = -1;
      for (int i = in.position(); i + 3 < in.limit(); i++) {
        if (a[i] == HEADER_END[0]
            && a[i + 1] == HEADER_END[1]
            && a[i + 2] == HEADER_END[2]
            && a[i + 3] == HEADER_END[3]) {
          end = i + 4;
          break;
        }
      }
      if (end < 0) {
        return false;
      }
      String head = new String(a, in.position(), end - in.position(), StandardCharsets.US_ASCII);
      if (!head.startsWith("HTTP/1.1 101")) {
        throw new IOException("upgrade refused: " + head.lines().findFirst().orElse(""));
      }
      in.position(end);
      upgraded = true;
      client.opened(this);
      return true;
    }

    private void frames() throws IOException {
      byte[] a = in.array();
      while (in.remaining() >= 2 && !closed) {
        int p = in.position();
        int b0 = a[p] & 0xFF;
        int b1 = a[p + 1] & 0xFF;
        long len = b1 & 0x7F;
        int header = 2;
        if (len == 126) {
          if (in.remaining() < 4) {
            return;
          }
          len = ((a[p + 2] & 0xFF) << 8) | (a[p + 3] & 0xFF);
          header = 4;
        } else if (len == 127) {
          if (in.remaining() < 10) {
            return;
          }
          len = in.getLong(p + 2);
          header = 10;
        }
        if ((b1 & 0x80) != 0) {
          throw new IOException("masked frame from the server");
        }
        if (len > in.capacity() / 2) {
          throw new IOException("frame too large: " + len);
        }
        if (in.remaining() < header + len) {
          return;
        }
        int start = p + header;
        int length = (int) len;
        in.position(start + length);
        int opcode = b0 & 0x0F;
        boolean fin = (b0 & 0x80) != 0;
        switch (opcode) {
          case 0x1, 0x0 -> text(a, start, length, fin, opcode == 0x0);
          case 0x8 -> fail(new IOException("closed by the server"));
          case 0x9 -> pong(a, start, length);
          default -> {}
        }
      }
    }

    private void text(byte[] a, int start, int length, boolean fin, boolean continuation) {
      if (fin && !continuation) {
        client.text(new String(a, start, length, StandardCharsets.UTF_8));
        return;
      }
      if (fragments == null) {
        fragments = new java.io.ByteArrayOutputStream();
      }
      fragments.write(a, start, length);
      if (fin) {
        String s = fragments.toString(StandardCharsets.UTF_8);
        fragments = null;
        client.text(s);
      }
    }

    private void pong(byte[] a, int start, int length) throws IOException {
      ByteBuffer frame = ByteBuffer.allocate(6 + length);
      frame.put((byte) 0x8A).put((byte) (0x80 | length)).putInt(0);
      frame.put(a, start, length).flip();
      synchronized (this) {
        out.add(frame);
      }
      flush();
    }

    @Override
    public void abort() {
      if (loop.inLoop()) {
        fail(new IOException("aborted"));
      } else {
        synchronized (this) {
          closed = true;
        }
        try {
          if (channel != null) {
            channel.close();
          }
        } catch (IOException e) {
          // closing
        }
        loop.selector.wakeup();
      }
    }

    @Override
    public void fail(Throwable reason) {
      synchronized (this) {
        closed = true;
        out.clear();
      }
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException e) {
        // closing
      }
      client.closed(reason);
    }
  }
}
