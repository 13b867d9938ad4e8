package io.socketiojakarta.sample;

import io.socketiojakarta.annotation.SocketIoConfiguration;

/**
 * The sample's Socket.IO settings, read by the library when the application starts: pings every 20
 * s instead of 25 s (the Engine.IO handshake shows {@code "pingInterval":20000}), and a client has
 * 10 s instead of 45 s to join a namespace after it connected. A {@code socketio.*} context
 * parameter in {@code web.xml} would override either.
 *
 * <p>The wire protocol of the chat is described in the {@linkplain io.socketiojakarta.sample
 * package documentation}.
 */
@SocketIoConfiguration(pingInterval = "20s", connectTimeout = "10s")
public final class ChatApplication {
  private ChatApplication() {}
}
