package io.socketiojakarta.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

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

  /** Packets to send after the batch in flight, before closing (under the session lock). */
  private List<EnginePacket> finalBatch = List.of();

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
    List<EnginePacket> rest = clientClosed ? List.of() : last;
    if (busy) {
      closeWhenSent = true;
      finalBatch = rest; // sent once the batch in flight is done, then the channel closes
      return null;
    }
    if (!rest.isEmpty()) {
      busy = true;
      closeWhenSent = true;
      return () -> write(rest, 0);
    }
    return channel::close;
  }

  /**
   * Closes the channel without any further frame (an aborted upgrade, a refused connection); a send
   * in flight finishes first, so a close never races a send. Under the lock; returns the I/O.
   */
  Runnable abort() {
    if (busy) {
      closeWhenSent = true;
      finalBatch = List.of();
      return null;
    }
    return channel::close;
  }

  /**
   * After a batch (under the lock): the next batch for this transport with the write slot kept, or
   * null with the slot freed. A closing transport gets its final batch, then {@link #closeNow()} is
   * true.
   */
  List<EnginePacket> nextBatch(List<EnginePacket> queued) {
    if (closeWhenSent) {
      if (!finalBatch.isEmpty()) {
        List<EnginePacket> batch = finalBatch;
        finalBatch = List.of();
        return batch;
      }
      busy = false;
      return null;
    }
    if (queued != null) {
      return queued;
    }
    busy = false;
    return null;
  }

  /** Whether the channel must be closed now that the write slot was freed (under the lock). */
  boolean closeNow() {
    return closeWhenSent && !busy;
  }

  /** Closes the channel (after {@link #closeNow()}). */
  void closeChannel() {
    channel.close();
  }

  /** A send failed: the slot is given up for good (under the lock); returns the channel close. */
  Runnable failed() {
    busy = true; // nothing is written on a failed connection any more
    closeWhenSent = false;
    finalBatch = List.of();
    return channel::close;
  }

  /**
   * Sends batches one frame after the other. A send that completes inline continues the loop here,
   * and so does the next batch taken when one is done: neither a long batch nor a fast producer can
   * grow the stack. A send that completes later resumes from its callback.
   */
  private void write(List<EnginePacket> batch, int index) {
    int i = index;
    while (true) {
      for (; i < batch.size(); i++) {
        EnginePacket p = batch.get(i);
        AtomicInteger state = new AtomicInteger(); // 0 sending, 1 completed inline, 2 returned
        List<EnginePacket> current = batch;
        int next = i + 1;
        Consumer<Throwable> done =
            error -> {
              if (error != null) {
                session.sendFailed(this, error);
              } else if (!state.compareAndSet(0, 1)) {
                write(current, next);
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
      batch = session.nextBatch(this);
      if (batch == null) {
        return;
      }
      i = 0;
    }
  }
}
