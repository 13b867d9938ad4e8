package io.socketiojakarta.transport.polling;

import io.socketiojakarta.engine.EngineRequestSnapshot;
import io.socketiojakarta.engine.EngineSession;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Performs a WebSocket upgrade the engine has accepted; implemented with the WebSocket binding by
 * the composition root. Called on the request's container thread.
 */
@FunctionalInterface
public interface WebSocketUpgrade {
  /**
   * Upgrades the connection.
   *
   * @param req the HTTP request
   * @param resp the HTTP response
   * @param handshake the request, copied
   * @param session the session to upgrade, or null for a new WebSocket-only session
   */
  void upgrade(
      HttpServletRequest req,
      HttpServletResponse resp,
      EngineRequestSnapshot handshake,
      EngineSession session)
      throws ServletException, IOException;
}
