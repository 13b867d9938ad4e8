package io.socketiojakarta.conformance.sio;

import io.socketiojakarta.conformance.EioHttp;
import io.socketiojakarta.testing.SocketIoTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Test classes that run against one {@link SioFixture} for all their tests. Test classes run one
 * after the other, so the shared fields are theirs alone.
 */
abstract class SioServer {
  static SocketIoTestServer server;
  static EioHttp http;
  static Sio sio;

  @BeforeAll
  static void startFixture() throws Exception {
    server = SioFixture.start();
    http = new EioHttp(server.uri(SioFixture.PATH));
    sio = new Sio(server, http);
  }

  @AfterAll
  static void stopFixture() throws Exception {
    server.close();
  }
}
