package io.socketiojakarta.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * WebSocket: one packet per frame through a {@link FrameChannel}; the write slot is free when the
 * previous batch has been sent. The container binding feeds received frames to {@link
 * #onText(String)}, {@link #onBinary(byte[])}, {@link #onClosed()} and {@link #onError(Throwable)}.
 */
public final class WebSocketTransport extends Transport {
  private final FrameChannel channel;

  /** Whether a batch is being sent (under the session lock). */
  private boolean busy;

  /** Close the channel once the batch in flight has been sent (under the session lock). */
  private boolean closeWhenSent;

  /** Packets queued when the session closed during a send, to go out before the close. */
  private List<EnginePacket> sendBeforeClose = List.of();

  WebSocketTransport(EngineSession session, FrameChannel channel) {
    super(session);
    this.channel = channel;
  }

  /** The session this connection belongs to (or is trying to upgrade). */
  public EngineSession session() {
    return session;
  }

  /** A text frame arrived. */
  public void onText(String frame) {
    EnginePacket packet;
    try {
      packet = EngineCodec.decodeText(frame);
    } catch (EngineParseException e) {
      session.onParseError(this, e.getMessage());
      return;
    }
    session.onPacket(this, packet);
  }

  /** A binary frame arrived: a binary message. */
  public void onBinary(byte[] frame) {
    session.onPacket(this, EngineCodec.decodeBinary(frame));
  }

  /** The connection closed (by the client, or after the server closed it). */
  public void onClosed() {
    session.onTransportClosed(this, CloseReason.TRANSPORT_CLOSE, "websocket connection closed");
  }

  /** The connection failed. */
  public void onError(Throwable error) {
    session.onTransportClosed(this, CloseReason.TRANSPORT_ERROR, String.valueOf(error));
  }

  @Override
  String name() {
    return EngineOptions.WEBSOCKET;
  }

  @Override
  boolean writable() {
    return !busy;
  }

  @Override
  Runnable take(List<EnginePacket> batch) {
    busy = true;
    return () -> write(batch, 0);
  }

  @Override
  Runnable close(List<EnginePacket> last, boolean clientClosed) {
    if (busy) {
      closeWhenSent = true;
      if (!clientClosed) {
        sendBeforeClose = last; // sent once the batch in flight is done
      }
      return null;
    }
    if (!last.isEmpty() && !clientClosed) {
      busy = true;
      closeWhenSent = true;
      return () -> write(last, 0);
    }
    return channel::close;
  }

  /** Closes the channel without any further frame (an aborted upgrade, a refused connection). */
  void abort() {
    channel.close();
  }

  /**
   * Sends the batch from index {@code i}, one frame after the other. A send that completes inline
   * continues the loop here rather than recursing, so a long batch cannot overflow the stack.
   */
  private void write(List<EnginePacket> batch, int i) {
    for (; i < batch.size(); i++) {
      EnginePacket p = batch.get(i);
      AtomicInteger state = new AtomicInteger(); // 0 sending, 1 completed inline, 2 caller returned
      int next = i + 1;
      java.util.function.Consumer<Throwable> done =
          error -> {
            if (error != null) {
              session.onTransportClosed(this, CloseReason.TRANSPORT_ERROR, String.valueOf(error));
            } else if (!state.compareAndSet(0, 1)) {
              write(batch, next);
            }
          };
      if (p.isBinary()) {
        channel.sendBinary(p.binary(), done);
      } else {
        channel.sendText(EngineCodec.encodeText(p), done);
      }
      if (state.compareAndSet(0, 2)) {
        return; // completes later, on the container's thread
      }
    }
    if (session.writeDone(this)) {
      channel.close();
    }
  }

  /**
   * After a batch was sent: the write of the packets left for the close, if any (the slot stays
   * taken), else null. Under the lock.
   */
  Runnable takeSendBeforeClose() {
    if (!closeWhenSent || sendBeforeClose.isEmpty()) {
      return null;
    }
    List<EnginePacket> rest = sendBeforeClose;
    sendBeforeClose = List.of();
    return () -> write(rest, 0);
  }

  /** Marks the write slot free; returns whether the channel must now be closed. Under the lock. */
  boolean release() {
    busy = false;
    return closeWhenSent;
  }
}
