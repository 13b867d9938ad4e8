package io.socketiojakarta.transport.websocket;

import io.socketiojakarta.engine.Engine;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.engine.EngineRequestSnapshot;
import io.socketiojakarta.engine.EngineSession;
import io.socketiojakarta.engine.WebSocketTransport;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;

/**
 * One WebSocket connection of the engine: a new WebSocket-only session, or the probe of a polling
 * session's upgrade. Frames are handed to the engine on the container's thread, in order, so that
 * an upgrade's {@code 5} takes effect before a later polling request is answered.
 */
public final class EngineEndpoint extends Endpoint {
  private final Engine engine;
  private final EngineRequestSnapshot handshake;
  private final EngineSession upgrading;
  private volatile WebSocketTransport transport;

  EngineEndpoint(Engine engine, EngineRequestSnapshot handshake, EngineSession upgrading) {
    this.engine = engine;
    this.handshake = handshake;
    this.upgrading = upgrading;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    EngineOptions o = engine.options();
    int max = (int) o.maxHttpBufferSize();
    session.setMaxTextMessageBufferSize(max);
    session.setMaxBinaryMessageBufferSize(max);
    // above pingInterval + pingTimeout: the heartbeat, not the container, ends silent sessions
    session.setMaxIdleTimeout(o.pingInterval().plus(o.pingTimeout()).toMillis() + 5_000);
    JsrFrameChannel channel = new JsrFrameChannel(session);
    WebSocketTransport t =
        upgrading == null
            ? engine.openWebSocket(handshake, channel)
            : engine.attachUpgrade(upgrading, channel);
    if (t == null) {
      channel.close(); // an upgrade is already in progress or done: this connection is refused
      return;
    }
    transport = t;
    session.addMessageHandler(String.class, (MessageHandler.Whole<String>) t::onText);
    session.addMessageHandler(
        ByteBuffer.class,
        (MessageHandler.Whole<ByteBuffer>)
            buf -> {
              byte[] data = new byte[buf.remaining()];
              buf.get(data);
              t.onBinary(data);
            });
  }

  @Override
  public void onClose(Session session, CloseReason closeReason) {
    WebSocketTransport t = transport;
    if (t != null) {
      t.onClosed();
    }
  }

  @Override
  public void onError(Session session, Throwable error) {
    WebSocketTransport t = transport;
    if (t != null) {
      t.onError(error);
    }
  }
}
