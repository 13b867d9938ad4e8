package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.testing.JettyTestServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine options seen on the wire: initialPacket, allowUpgrades, transports, a custom path, the
 * path as a prefix, and a server under a context path.
 */
class OptionsTest {
  private static final String INITIAL = "welcome €";

  private static final List<JettyTestServer> servers = new ArrayList<>();
  private static JettyTestServer initial;
  private static JettyTestServer noUpgrades;
  private static JettyTestServer webSocketOnly;
  private static JettyTestServer pollingOnly;
  private static JettyTestServer customPath;
  private static JettyTestServer underContext;

  @BeforeAll
  static void start() throws Exception {
    initial =
        add(
            JettyTestServer.start(
                Fixture.options().initialPacket(INITIAL).build(), new ServerEvents()));
    noUpgrades =
        add(
            JettyTestServer.start(
                Fixture.options().allowUpgrades(false).build(), new ServerEvents()));
    webSocketOnly =
        add(
            JettyTestServer.start(
                Fixture.options().transports(List.of("websocket")).build(), new ServerEvents()));
    pollingOnly =
        add(
            JettyTestServer.start(
                Fixture.options().transports(List.of("polling")).build(), new ServerEvents()));
    customPath =
        add(
            JettyTestServer.start(
                Fixture.options().path("/custom-eio/").build(), new ServerEvents()));
    underContext =
        add(JettyTestServer.start("/ctx", Fixture.options().build(), new ServerEvents()));
  }

  private static JettyTestServer add(JettyTestServer s) {
    servers.add(s);
    return s;
  }

  @AfterAll
  static void stop() throws Exception {
    for (JettyTestServer s : servers) {
      s.close();
    }
  }

  private static RawHttp.Response rawUpgrade(JettyTestServer s, String path, String query)
      throws Exception {
    try (RawHttp raw = RawHttp.open(s.port())) {
      raw.write(RawHttp.upgradeRequest(s.port(), s.uri(path).getRawPath() + "?" + query, ""));
      return raw.readResponse();
    }
  }

  // ------------------------------------------------------------------ initialPacket

  @Test
  void initialPacketArrivesRightAfterOpenOverPolling() throws Exception {
    EioHttp http = new EioHttp(initial.uri(PATH));
    EioHttp.Handshake h = http.handshake();
    List<String> packets = new ArrayList<>(Arrays.asList(h.res().body().split("\u001e")));
    packets.remove(0); // the open packet
    if (packets.isEmpty()) {
      // not batched with the open packet: then it is the first thing the next GET returns, at once
      EioHttp.Res next = http.poll(h.sid());
      assertThat(next.at() - h.res().at()).isLessThan(Fixture.PING_INTERVAL - 100);
      packets.addAll(Arrays.asList(next.body().split("\u001e")));
    }
    assertThat(packets.get(0)).isEqualTo("4" + INITIAL);
  }

  @Test
  void initialPacketIsSecondFrameOverWebSocket() throws Exception {
    try (WsClient ws = WsClient.connect(initial.wsUri(PATH + "?EIO=4&transport=websocket"))) {
      assertThat(ws.nextText()).startsWith("0{");
      assertThat(ws.nextText()).isEqualTo("4" + INITIAL);
    }
  }

  // ------------------------------------------------------------------ allowUpgrades

  @Test
  void allowUpgradesFalseAnnouncesNoUpgradesAndRefusesTheUpgrade() throws Exception {
    EioHttp http = new EioHttp(noUpgrades.uri(PATH));
    EioHttp.Handshake h = http.handshake();
    assertThat(h.open().get("upgrades")).isEqualTo(List.of());
    RawHttp.Response res = rawUpgrade(noUpgrades, PATH, "EIO=4&transport=websocket&sid=" + h.sid());
    assertThat(res.status()).isEqualTo(400);
    assertThat(res.body()).isEqualTo("Bad request");
    assertThat(http.send(h.sid(), "4polling").body()).isEqualTo("ok");
    assertThat(http.poll(h.sid()).body()).isEqualTo("4polling");
  }

  @Test
  void allowUpgradesFalseStillAcceptsWebSocketOnlySessions() throws Exception {
    try (WsClient ws = WsClient.connect(noUpgrades.wsUri(PATH + "?EIO=4&transport=websocket"))) {
      assertThat(ws.nextText()).startsWith("0{");
      ws.send("4hi");
      assertThat(ws.nextMessage()).isEqualTo("4hi");
    }
  }

  // ------------------------------------------------------------------ transports

  @Test
  void webSocketOnlyRefusesPollingHandshake400Code0() throws Exception {
    EioHttp.Res res = new EioHttp(webSocketOnly.uri(PATH)).get("EIO=4&transport=polling");
    assertThat(res.status()).isEqualTo(400);
    assertThat(res.mediaType()).isEqualTo("application/json");
    assertThat(res.body()).isEqualTo(Fixture.TRANSPORT_UNKNOWN);
  }

  @Test
  void webSocketOnlyServesWebSocketSessions() throws Exception {
    try (WsClient ws = WsClient.connect(webSocketOnly.wsUri(PATH + "?EIO=4&transport=websocket"))) {
      assertThat(ws.nextText()).startsWith("0{");
      ws.send("4hi");
      assertThat(ws.nextMessage()).isEqualTo("4hi");
    }
  }

  @Test
  void pollingOnlyAnnouncesNoUpgradesAndRefusesWebSocket() throws Exception {
    EioHttp.Handshake h = new EioHttp(pollingOnly.uri(PATH)).handshake();
    assertThat(h.open().get("upgrades")).isEqualTo(List.of());
    RawHttp.Response res = rawUpgrade(pollingOnly, PATH, "EIO=4&transport=websocket");
    assertThat(res.status()).isEqualTo(400);
    assertThat(res.body()).isEqualTo("Transport unknown");
  }

  // ------------------------------------------------------------------ path

  @Test
  void customPathServesPollingAndWebSocket() throws Exception {
    EioHttp http = new EioHttp(customPath.uri("/custom-eio/"));
    assertThat(http.echo("4custom")).isEqualTo("4custom");
    try (WsClient ws =
        WsClient.connect(customPath.wsUri("/custom-eio/?EIO=4&transport=websocket"))) {
      assertThat(ws.nextText()).startsWith("0{");
    }
  }

  @Test
  void customPathLeavesTheDefaultPathAlone() throws Exception {
    EioHttp.Res res = new EioHttp(customPath.uri(PATH)).get("EIO=4&transport=polling");
    assertThat(res.status()).isEqualTo(404);
  }

  @Test
  void pathIsMatchedAsPrefix() throws Exception {
    EioHttp http = new EioHttp(underContext.uri(PATH + "extra/segment"));
    EioHttp.Res res = http.get("EIO=4&transport=polling");
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).startsWith("0{");
  }

  @Test
  void serverUnderContextPathServesPollingUpgradeAndWebSocket() throws Exception {
    assertThat(underContext.uri(PATH).getPath()).isEqualTo("/ctx/engine.io/");
    EioHttp http = new EioHttp(underContext.uri(PATH));
    assertThat(http.echo("4ctx")).isEqualTo("4ctx");
    String sid = http.handshake().sid();
    try (WsClient ws = UpgradeTest.upgrade(underContext, sid, true)) {
      ws.send("4upgraded");
      assertThat(ws.nextMessage()).isEqualTo("4upgraded");
    }
    try (WsClient ws = WsClient.connect(underContext.wsUri(PATH + "?EIO=4&transport=websocket"))) {
      assertThat(ws.nextText()).startsWith("0{");
    }
  }
}
