package io.socketiojakarta.conformance.sio;

import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.conformance.Fixture;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;

/**
 * The Socket.IO fixture of the conformance suites, as {@code fixture-war}'s {@code SocketIoFixture}
 * deploys it: at {@code /socket.io/} with the Engine.IO fixture's settings (pingInterval 300 ms,
 * pingTimeout 200 ms, maxPayload 1000000, handshakes with a {@code refuse} parameter refused),
 * connectTimeout 1000 ms, connection state recovery off. On {@code /} and {@code /custom} a new
 * socket receives {@code auth} with its handshake auth; on {@code /}, {@code message} is answered
 * with {@code message-back} and {@code message-with-ack} is acknowledged, both with the same
 * arguments. No other namespace exists.
 */
final class SioFixture {
  static final String PATH = "/socket.io/";
  static final int CONNECT_TIMEOUT = 1000;

  private SioFixture() {}

  /** Starts the fixture on a free port of 127.0.0.1. */
  static SocketIoTestServer start() throws Exception {
    return SocketIoTestServer.start(
        Fixture.options().path(PATH).build(),
        ServerOptions.builder().connectTimeout(Duration.ofMillis(CONNECT_TIMEOUT)).build(),
        SioFixture::install);
  }

  /** The fixture's handlers, the same as {@code SocketIoFixture}'s. */
  static void install(Server io) {
    io.onConnection(
        socket -> {
          socket.emit("auth", socket.handshake().auth());
          socket.on("message", e -> socket.emit("message-back", e.values().toArray()));
          socket.on("message-with-ack", e -> e.ack(e.values().toArray()));
        });
    io.of("/custom").onConnection(socket -> socket.emit("auth", socket.handshake().auth()));
  }
}
