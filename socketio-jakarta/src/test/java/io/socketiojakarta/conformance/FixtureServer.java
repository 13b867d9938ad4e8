package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;

import io.socketiojakarta.testing.JettyTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Test classes that run against one fixture server (the suites' echo at {@code /engine.io/}) for
 * all their tests. Test classes run one after the other, so the shared fields are theirs alone.
 */
abstract class FixtureServer {
  static JettyTestServer server;
  static ServerEvents events;
  static EioHttp http;

  @BeforeAll
  static void startFixture() throws Exception {
    events = new ServerEvents();
    server = JettyTestServer.start(Fixture.options().build(), events);
    http = new EioHttp(server.uri(PATH));
  }

  @AfterAll
  static void stopFixture() throws Exception {
    server.close();
  }
}
