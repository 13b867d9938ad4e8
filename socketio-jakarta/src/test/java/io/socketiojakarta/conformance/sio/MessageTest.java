package io.socketiojakarta.conformance.sio;

import static io.socketiojakarta.conformance.sio.Sio.ph;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.conformance.WsClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events, acknowledgements and binary attachments (official suite, group "message", and more):
 * exact wire strings with compact JSON and key order kept, ack ids, binary events and acks with
 * their attachments (WebSocket frames, {@code b} + base64 over polling), and the malformed packets
 * of the suite closing the connection.
 */
class MessageTest extends SioServer {

  // ------------------------------------------------------------------ events

  @Test
  void sendsAPlainTextPacket() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("42[\"message\",1,\"2\",{\"3\":[true]}]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"message-back\",1,\"2\",{\"3\":[true]}]");
    }
  }

  @Test
  void keepsKeyOrderScalarsAndCompactJson() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send(
          "42[ \"message\" , {\"z\":1,\"a\":2,\"m\":{\"y\":null,\"b\":[1.5,-0,1e3,false]}},"
              + " 9007199254740991 , -12 ]");
      assertThat(ws.nextMessage())
          .isEqualTo(
              "42[\"message-back\",{\"z\":1,\"a\":2,\"m\":{\"y\":null,\"b\":[1.5,0,1000,false]}},"
                  + "9007199254740991,-12]");
    }
  }

  @Test
  void keepsNonAsciiAndEscapes() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("42[\"message\",\"é€😀\\u0001\\n\\\"\\\\\\/\\u00e9\"]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"message-back\",\"é€😀\\u0001\\n\\\"\\\\/é\"]");
    }
  }

  @Test
  void answersTheEventsOfOneSocketInOrder() throws Exception {
    try (WsClient ws = sio.joined()) {
      for (int i = 0; i < 50; i++) {
        ws.send("42[\"message\"," + i + "]");
      }
      for (int i = 0; i < 50; i++) {
        assertThat(ws.nextMessage()).isEqualTo("42[\"message-back\"," + i + "]");
      }
    }
  }

  @Test
  void acceptsANumericEventName() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("42[42,\"numeric name\"]");
      Sio.assertNothingBefore(ws, "an event without listener");
    }
  }

  // ------------------------------------------------------------------ acks

  @Test
  void sendsAPlainTextPacketWithAnAck() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
      assertThat(ws.nextMessage()).isEqualTo("43456[1,\"2\",{\"3\":[false]}]");
    }
  }

  @Test
  void ackIdZeroWithoutArguments() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("420[\"message-with-ack\"]");
      assertThat(ws.nextMessage()).isEqualTo("430[]");
    }
  }

  @Test
  void ackCalledWithNull() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("427[\"message-with-ack\",null]");
      assertThat(ws.nextMessage()).isEqualTo("437[null]");
    }
  }

  @Test
  void anEventWithoutListenerGetsNoAck() throws Exception {
    try (WsClient ws = sio.session(true)) {
      Sio.join(ws, "/custom", null);
      // no handler on /custom: no ack, no answer
      ws.send("42/custom,5[\"message-with-ack\",1]");
      Sio.join(ws, "/", null);
      Sio.assertNothingBefore(ws, "an event without handler on /custom");
    }
  }

  @Test
  void anEventWithoutIdGetsNoAck() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("42[\"message-with-ack\",\"no id\"]");
      Sio.assertNothingBefore(ws, "an event without ack id");
    }
  }

  @Test
  void anAckWithAnUnknownIdIsIgnored() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("43999[1]");
      Sio.assertNothingBefore(ws, "an ACK with an unknown id");
    }
  }

  @Test
  void theLargestSafeAckIdIsEchoed() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("429007199254740991[\"message-with-ack\",1]");
      assertThat(ws.nextMessage()).isEqualTo("439007199254740991[1]");
    }
  }

  // ------------------------------------------------------------------ binary

  @Test
  void sendsAPacketWithBinaryAttachments() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("452-[\"message\"," + ph(0) + "," + ph(1) + "]");
      ws.send(new byte[] {1, 2, 3});
      ws.send(new byte[] {4, 5, 6});
      assertThat(ws.nextMessage()).isEqualTo("452-[\"message-back\"," + ph(0) + "," + ph(1) + "]");
      assertThat(Sio.nextBinary(ws)).containsExactly(1, 2, 3);
      assertThat(Sio.nextBinary(ws)).containsExactly(4, 5, 6);
    }
  }

  @Test
  void sendsAPacketWithBinaryAttachmentsAndAnAck() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("452-789[\"message-with-ack\"," + ph(0) + "," + ph(1) + "]");
      ws.send(new byte[] {1, 2, 3});
      ws.send(new byte[] {4, 5, 6});
      assertThat(ws.nextMessage()).isEqualTo("462-789[" + ph(0) + "," + ph(1) + "]");
      assertThat(Sio.nextBinary(ws)).containsExactly(1, 2, 3);
      assertThat(Sio.nextBinary(ws)).containsExactly(4, 5, 6);
    }
  }

  @Test
  void sendsASingleBinaryAttachment() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("451-[\"message\"," + ph(0) + "]");
      ws.send(new byte[] {7});
      assertThat(ws.nextMessage()).isEqualTo("451-[\"message-back\"," + ph(0) + "]");
      assertThat(Sio.nextBinary(ws)).containsExactly(7);
    }
  }

  @Test
  void keepsAnAttachmentNestedInAnObjectInPlace() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("451-[\"message\",{\"file\":" + ph(0) + ",\"name\":\"a.bin\"}]");
      ws.send(new byte[] {(byte) 0xca, (byte) 0xfe});
      assertThat(ws.nextMessage())
          .isEqualTo("451-[\"message-back\",{\"file\":" + ph(0) + ",\"name\":\"a.bin\"}]");
      assertThat(Sio.nextBinary(ws)).containsExactly(0xca, 0xfe);
    }
  }

  @Test
  void resolvesPlaceholdersByNumAndRenumbersThemInDocumentOrder() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("452-[\"message\"," + ph(1) + "," + ph(0) + "]");
      ws.send(new byte[] {(byte) 0xaa}); // num 0: the second argument
      ws.send(new byte[] {(byte) 0xbb}); // num 1: the first argument
      assertThat(ws.nextMessage()).isEqualTo("452-[\"message-back\"," + ph(0) + "," + ph(1) + "]");
      assertThat(Sio.nextBinary(ws)).containsExactly(0xbb);
      assertThat(Sio.nextBinary(ws)).containsExactly(0xaa);
    }
  }

  @Test
  void tenAttachmentsAreAccepted() throws Exception {
    try (WsClient ws = sio.joined()) {
      StringBuilder text = new StringBuilder("4510-[\"message\"");
      for (int i = 0; i < 10; i++) {
        text.append(',').append(ph(i));
      }
      ws.send(text.append(']').toString());
      for (int i = 0; i < 10; i++) {
        ws.send(new byte[] {(byte) i});
      }
      assertThat(ws.nextMessage()).isEqualTo(text.toString().replace("message", "message-back"));
      for (int i = 0; i < 10; i++) {
        assertThat(Sio.nextBinary(ws)).containsExactly(i);
      }
    }
  }

  @Test
  void binaryOverPollingIsBase64WithPrefixB() throws Exception {
    Sio.PollingJoin joined = sio.pollingJoined();
    String sid = joined.engineSid();
    String payload = "451-[\"message\"," + ph(0) + "]" + Sio.SEP + "bAQID";
    assertThat(http.send(sid, payload).body()).isEqualTo("ok");
    assertThat(sio.pollPackets(sid, 2))
        .containsExactly("451-[\"message-back\"," + ph(0) + "]", "bAQID");
    http.send(sid, "1");
  }

  @Test
  void binaryAckOverPolling() throws Exception {
    Sio.PollingJoin joined = sio.pollingJoined();
    String sid = joined.engineSid();
    String payload =
        "452-789[\"message-with-ack\","
            + ph(0)
            + ","
            + ph(1)
            + "]"
            + Sio.SEP
            + Sio.b64(new byte[] {1, 2, 3})
            + Sio.SEP
            + Sio.b64(new byte[] {4, 5, 6});
    assertThat(http.send(sid, payload).body()).isEqualTo("ok");
    assertThat(sio.pollPackets(sid, 3))
        .containsExactly("462-789[" + ph(0) + "," + ph(1) + "]", "bAQID", "bBAUG");
    http.send(sid, "1");
  }

  // ------------------------------------------------------------------ invalid format

  @Test
  void closesTheConnectionUponAnUnknownPacketType() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("4abc");
      Sio.awaitClosedCleanly(ws, Duration.ofSeconds(1));
    }
  }

  @Test
  void closesTheConnectionUponAnInvalidPayloadFormat() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("42{}");
      Sio.awaitClosedCleanly(ws, Duration.ofSeconds(1));
    }
  }

  @Test
  void closesTheConnectionUponAnInvalidAckId() throws Exception {
    try (WsClient ws = sio.joined()) {
      ws.send("42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
      Sio.awaitClosedCleanly(ws, Duration.ofSeconds(1));
    }
  }

  @Test
  void closesThePollingSessionUponAnInvalidPacket() throws Exception {
    for (String bad : List.of("4abc", "42{}", "42abc[\"message-with-ack\",1]")) {
      Sio.PollingJoin joined = sio.pollingJoined();
      sio.postIgnoringAnswer(joined.engineSid(), bad);
      sio.awaitPollingClosed(joined.engineSid(), Duration.ofSeconds(2));
    }
  }
}
