package io.socketiojakarta.transport.websocket;

import io.socketiojakarta.engine.FrameChannel;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Sends frames through {@link Session#getAsyncRemote()}. The engine never starts a send before the
 * previous one completed, which is what Tomcat's async remote requires.
 */
final class JsrFrameChannel implements FrameChannel {
  private final Session session;

  JsrFrameChannel(Session session) {
    this.session = session;
  }

  @Override
  public void sendText(String text, Consumer<Throwable> done) {
    try {
      session
          .getAsyncRemote()
          .sendText(text, r -> done.accept(r.isOK() ? null : failure(r.getException())));
    } catch (RuntimeException e) {
      done.accept(e);
    }
  }

  @Override
  public void sendBinary(byte[] data, Consumer<Throwable> done) {
    try {
      session
          .getAsyncRemote()
          .sendBinary(
              ByteBuffer.wrap(data), r -> done.accept(r.isOK() ? null : failure(r.getException())));
    } catch (RuntimeException e) {
      done.accept(e);
    }
  }

  private static Throwable failure(Throwable t) {
    return t == null ? new IOException("send failed") : t;
  }

  @Override
  public void close() {
    try {
      if (session.isOpen()) {
        session.close();
      }
    } catch (IOException | RuntimeException e) {
      // already closing or closed
    }
  }
}
