package io.socketiojakarta.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden wire strings of the Engine.IO v4 codec, one direction at a time. */
class EngineCodecTest {

  @Nested
  class Encoding {
    @Test
    void textPacketsAreTheirDigitFollowedByTheData() {
      assertThat(EngineCodec.encodeText(EnginePacket.message("hello"))).isEqualTo("4hello");
      assertThat(EngineCodec.encodeText(EnginePacket.PING)).isEqualTo("2");
      assertThat(EngineCodec.encodeText(EnginePacket.PONG_PROBE)).isEqualTo("3probe");
      assertThat(EngineCodec.encodeText(EnginePacket.CLOSE)).isEqualTo("1");
      assertThat(EngineCodec.encodeText(EnginePacket.NOOP)).isEqualTo("6");
      assertThat(EngineCodec.encodeText(EnginePacket.of(EnginePacketType.OPEN, "{\"sid\":\"x\"}")))
          .isEqualTo("0{\"sid\":\"x\"}");
    }

    @Test
    void binaryPacketsHaveNoTextForm() {
      assertThatThrownBy(() -> EngineCodec.encodeText(EnginePacket.message(new byte[] {1})))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pollingPayloadJoinsPacketsWithRecordSeparator() {
      String payload =
          EngineCodec.encodePayload(
              List.of(
                  EnginePacket.message("test1"),
                  EnginePacket.message("test2"),
                  EnginePacket.message("test3")));
      assertThat(payload).isEqualTo("4test1\u001e4test2\u001e4test3");
    }

    @Test
    void pollingPayloadCarriesBinaryAsBPlusBase64() {
      String payload =
          EngineCodec.encodePayload(
              List.of(
                  EnginePacket.message("hello"), EnginePacket.message(new byte[] {1, 2, 3, 4})));
      assertThat(payload).isEqualTo("4hello\u001ebAQIDBA==");
    }

    @Test
    void singlePacketPayloadHasNoSeparator() {
      assertThat(EngineCodec.encodePayload(List.of(EnginePacket.PING))).isEqualTo("2");
    }

    @Test
    void multiByteTextIsKeptAsIs() {
      assertThat(EngineCodec.encodePayload(List.of(EnginePacket.message("€😀日本"))))
          .isEqualTo("4€😀日本");
    }
  }

  @Nested
  class Decoding {
    @Test
    void textFrameGivesTypeAndData() throws Exception {
      assertThat(EngineCodec.decodeText("4hello")).isEqualTo(EnginePacket.message("hello"));
      assertThat(EngineCodec.decodeText("2probe"))
          .isEqualTo(EnginePacket.of(EnginePacketType.PING, "probe"));
      assertThat(EngineCodec.decodeText("3")).isEqualTo(EnginePacket.of(EnginePacketType.PONG, ""));
      assertThat(EngineCodec.decodeText("5"))
          .isEqualTo(EnginePacket.of(EnginePacketType.UPGRADE, ""));
      assertThat(EngineCodec.decodeText("4")).isEqualTo(EnginePacket.message(""));
    }

    @Test
    void binaryFrameIsABinaryMessage() {
      EnginePacket p = EngineCodec.decodeBinary(new byte[] {1, 2, 3, 4});
      assertThat(p.type()).isEqualTo(EnginePacketType.MESSAGE);
      assertThat(p.binary()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void payloadSplitsOnRecordSeparator() throws Exception {
      assertThat(EngineCodec.decodePayload("4test1\u001e4test2\u001e4test3"))
          .containsExactly(
              EnginePacket.message("test1"),
              EnginePacket.message("test2"),
              EnginePacket.message("test3"));
    }

    @Test
    void payloadDecodesBPlusBase64AsBinary() throws Exception {
      List<EnginePacket> packets = EngineCodec.decodePayload("4hello\u001ebAQIDBA==");
      assertThat(packets).hasSize(2);
      assertThat(packets.get(0)).isEqualTo(EnginePacket.message("hello"));
      assertThat(packets.get(1).binary()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void payloadKeepsMultiByteText() throws Exception {
      assertThat(EngineCodec.decodePayload("4€😀日本"))
          .containsExactly(EnginePacket.message("€😀日本"));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"", "abc", "7", "9hello", "x", "4a\u001e", "\u001e4a", "4a\u001e\u001e4b"})
    void malformedPayloadsAreRefused(String payload) {
      assertThatThrownBy(() -> EngineCodec.decodePayload(payload))
          .isInstanceOf(EngineParseException.class);
    }

    @Test
    void whitespaceInBase64IsIgnoredLikeTheReference() throws Exception {
      // the Java client's base64: a trailing newline, lines of 76 characters
      byte[] bytes = new byte[100];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = (byte) (i * 7);
      }
      String wrapped = java.util.Base64.getMimeEncoder(76, "\n".getBytes()).encodeToString(bytes);
      assertThat(wrapped).contains("\n");
      List<EnginePacket> packets =
          EngineCodec.decodePayload("bAQID\n\u001eb" + wrapped + "\n\u001eb AQ\tID\r\n");
      assertThat(packets).hasSize(3);
      assertThat(packets.get(0).binary()).containsExactly(1, 2, 3);
      assertThat(packets.get(1).binary()).isEqualTo(bytes);
      assertThat(packets.get(2).binary()).containsExactly(1, 2, 3);
    }

    @Test
    void invalidBase64IsRefused() {
      assertThatThrownBy(() -> EngineCodec.decodePayload("b@@@"))
          .isInstanceOf(EngineParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "/4", "9"})
    void malformedFramesAreRefused(String frame) {
      assertThatThrownBy(() -> EngineCodec.decodeText(frame))
          .isInstanceOf(EngineParseException.class);
    }
  }

  @Test
  void errorBodiesAreTheReferenceJson() {
    assertThat(EngineError.TRANSPORT_UNKNOWN.json(null))
        .isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
    assertThat(EngineError.UNKNOWN_SID.json(null))
        .isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
    assertThat(EngineError.BAD_HANDSHAKE_METHOD.json(null))
        .isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
    assertThat(EngineError.BAD_REQUEST.json(null))
        .isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
    assertThat(EngineError.FORBIDDEN.json(null))
        .isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
    assertThat(EngineError.FORBIDDEN.json("no \"entry\""))
        .isEqualTo("{\"code\":4,\"message\":\"no \\\"entry\\\"\"}");
    assertThat(EngineError.UNSUPPORTED_PROTOCOL_VERSION.json(null))
        .isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
    assertThat(EngineError.FORBIDDEN.httpStatus()).isEqualTo(403);
    assertThat(EngineError.BAD_REQUEST.httpStatus()).isEqualTo(400);
  }

  @Test
  void sessionIdsAreTwentyUrlSafeCharactersAndDistinct() {
    SessionIdGenerator gen = SessionIdGenerator.secureRandom();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = gen.generate(null);
      assertThat(id).hasSize(20).matches("[A-Za-z0-9_-]{20}");
      ids.add(id);
    }
    assertThat(ids).hasSize(1000);
  }
}
