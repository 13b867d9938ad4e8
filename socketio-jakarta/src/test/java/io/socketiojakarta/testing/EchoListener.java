package io.socketiojakarta.testing;

import io.socketiojakarta.engine.EngineSession;
import io.socketiojakarta.engine.EngineSessionListener;

/**
 * Sends every message back to its session, text as text and binary as binary. Extend to observe.
 */
public class EchoListener implements EngineSessionListener {
  @Override
  public void onMessage(EngineSession session, String text) {
    session.send(text);
  }

  @Override
  public void onBinary(EngineSession session, byte[] data) {
    session.send(data);
  }
}
