package io.socketiojakarta.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketiojakarta.json.JsonLimits;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden wire strings into the Socket.IO v5 decoder: every valid form, every malformed one. */
class PacketDecoderTest {
  private static final byte[] B0 = {1, 2, 3};
  private static final byte[] B1 = {4};

  private final PacketDecoder decoder = new PacketDecoder(DecoderLimits.DEFAULT);

  private Packet decode(String text) throws MalformedPacketException {
    return decoder.decode(text).orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private static List<Object> args(Packet packet) {
    return (List<Object>) packet.data();
  }

  private static Packet packet(PacketType type, String namespace, long id, Object data) {
    return new Packet(type, namespace, id, data);
  }

  @Nested
  class Valid {
    @Test
    void connectToTheMainNamespace() throws MalformedPacketException {
      assertThat(decode("0")).isEqualTo(Packet.connect("/", null));
    }

    @Test
    void connectToANamespaceWithOrWithoutTheComma() throws MalformedPacketException {
      assertThat(decode("0/custom")).isEqualTo(Packet.connect("/custom", null));
      assertThat(decode("0/custom,")).isEqualTo(Packet.connect("/custom", null));
    }

    @Test
    void connectWithAuth() throws MalformedPacketException {
      assertThat(decode("0{\"token\":\"123\"}"))
          .isEqualTo(Packet.connect("/", Map.of("token", "123")));
      assertThat(decode("0/admin,{\"token\":\"123\"}"))
          .isEqualTo(Packet.connect("/admin", Map.of("token", "123")));
    }

    @Test
    void disconnect() throws MalformedPacketException {
      assertThat(decode("1")).isEqualTo(Packet.disconnect("/"));
      assertThat(decode("1/admin,")).isEqualTo(Packet.disconnect("/admin"));
      assertThat(decode("1/admin")).isEqualTo(Packet.disconnect("/admin"));
    }

    @Test
    void event() throws MalformedPacketException {
      assertThat(decode("2[\"foo\"]")).isEqualTo(Packet.event("/", List.of("foo"), Packet.NO_ID));
      assertThat(decode("2/admin,[\"bar\"]"))
          .isEqualTo(Packet.event("/admin", List.of("bar"), Packet.NO_ID));
    }

    @Test
    void eventWithAckId() throws MalformedPacketException {
      assertThat(decode("212[\"foo\"]")).isEqualTo(Packet.event("/", List.of("foo"), 12));
      assertThat(decode("2/admin,12[\"x\"]")).isEqualTo(Packet.event("/admin", List.of("x"), 12));
      assertThat(decode("20[\"x\"]")).isEqualTo(Packet.event("/", List.of("x"), 0));
    }

    @Test
    void eventArgumentsKeepTheirJsonTypes() throws MalformedPacketException {
      Packet p = decode("2[\"message\",1,\"2\",{\"3\":[true]},null,1.5]");
      assertThat(p.data())
          .isEqualTo(Arrays.asList("message", 1L, "2", Map.of("3", List.of(true)), null, 1.5));
    }

    @Test
    void eventNamedByANumber() throws MalformedPacketException {
      assertThat(decode("2[1,\"a\"]").data()).isEqualTo(List.of(1L, "a"));
      assertThat(decode("2[-2.5]").data()).isEqualTo(List.of(-2.5));
    }

    @Test
    void ack() throws MalformedPacketException {
      assertThat(decode("3456[]")).isEqualTo(Packet.ack("/", List.of(), 456));
      assertThat(decode("3/admin,13[\"bar\"]")).isEqualTo(Packet.ack("/admin", List.of("bar"), 13));
      assertThat(decode("30[null]")).isEqualTo(Packet.ack("/", Arrays.asList((Object) null), 0));
    }

    @Test
    void connectError() throws MalformedPacketException {
      assertThat(decode("4{\"message\":\"Not authorized\"}"))
          .isEqualTo(Packet.connectError("/", Map.of("message", "Not authorized")));
      assertThat(decode("4/admin,\"oops\"")).isEqualTo(Packet.connectError("/admin", "oops"));
    }

    @Test
    void nonAsciiNamespaces() throws MalformedPacketException {
      assertThat(decode("2/über,[\"x\"]").namespace()).isEqualTo("/über");
      assertThat(decode("0/日本").namespace()).isEqualTo("/日本");
    }

    @Test
    void ackIdOnOtherTypesIsKeptAsTheReferenceDoes() throws MalformedPacketException {
      assertThat(decode("0/admin,5{\"a\":1}"))
          .isEqualTo(packet(PacketType.CONNECT, "/admin", 5, Map.of("a", 1L)));
      assertThat(decode("17")).isEqualTo(packet(PacketType.DISCONNECT, "/", 7, null));
    }

    @Test
    void largestAckId() throws MalformedPacketException {
      assertThat(decode("29007199254740991[\"x\"]").id()).isEqualTo(9007199254740991L);
    }

    @Test
    void whitespaceAroundThePayload() throws MalformedPacketException {
      assertThat(decode("2 [\"x\"] ").data()).isEqualTo(List.of("x"));
    }

    @Test
    void placeholderInAPlainEventStaysAnObject() throws MalformedPacketException {
      assertThat(decode("2[\"x\",{\"_placeholder\":true,\"num\":0}]").data())
          .isEqualTo(List.of("x", Map.of("_placeholder", true, "num", 0L)));
    }
  }

  @Nested
  class Binary {
    @Test
    void binaryEventComesBackAsEvent() throws MalformedPacketException {
      assertThat(decoder.decode("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]")).isEmpty();
      Packet p = decoder.decode(B0).orElseThrow();
      assertThat(p.type()).isEqualTo(PacketType.EVENT);
      assertThat(p.namespace()).isEqualTo("/");
      assertThat(p.id()).isEqualTo(Packet.NO_ID);
      assertThat(args(p)).containsExactly("baz", B0);
    }

    @Test
    void binaryAckComesBackAsAckWithItsIdAndNamespace() throws MalformedPacketException {
      String text =
          "62-/admin,789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]";
      assertThat(decoder.decode(text)).isEmpty();
      assertThat(decoder.decode(B0)).isEmpty();
      Packet p = decoder.decode(B1).orElseThrow();
      assertThat(p.type()).isEqualTo(PacketType.ACK);
      assertThat(p.namespace()).isEqualTo("/admin");
      assertThat(p.id()).isEqualTo(789);
      assertThat(args(p)).containsExactly(B0, B1);
    }

    @Test
    void placeholdersAreMatchedByNumberAtAnyDepth() throws MalformedPacketException {
      decoder.decode(
          "52-[\"m\",{\"a\":[{\"_placeholder\":true,\"num\":1}]},{\"_placeholder\":true,\"num\":0}]");
      decoder.decode(B0);
      Packet p = decoder.decode(B1).orElseThrow();
      List<?> args = (List<?>) p.data();
      assertThat(((List<?>) ((Map<?, ?>) args.get(1)).get("a")).get(0)).isSameAs(B1);
      assertThat(args.get(2)).isSameAs(B0);
    }

    @Test
    void integralDoubleIndexIsAnIndexAsInJavaScript() throws MalformedPacketException {
      decoder.decode("51-[\"m\",{\"_placeholder\":true,\"num\":0.0}]");
      assertThat(args(decoder.decode(B0).orElseThrow())).containsExactly("m", B0);
    }

    @Test
    void tenAttachmentsAreAllowed() throws MalformedPacketException {
      assertThat(decoder.decode("510-[\"m\"]")).isEmpty();
      for (int i = 0; i < 9; i++) {
        assertThat(decoder.decode(B0)).isEmpty();
      }
      assertThat(decoder.decode(B0)).isPresent();
    }

    @Test
    void decoderIsReadyAgainAfterABinaryPacket() throws MalformedPacketException {
      decoder.decode("51-[\"a\",{\"_placeholder\":true,\"num\":0}]");
      decoder.decode(B0);
      assertThat(decode("2[\"b\"]")).isEqualTo(Packet.event("/", List.of("b"), Packet.NO_ID));
    }
  }

  @Nested
  class Malformed {
    private void rejects(String text) {
      assertThatThrownBy(() -> decoder.decode(text)).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "8[]", "9", "a", "/", "-", " 2[\"x\"]", "٢[\"x\"]"})
    void unknownType(String text) {
      rejects(text);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "5a-[\"x\",{\"_placeholder\":true,\"num\":0}]",
          "5-[\"x\",{\"_placeholder\":true,\"num\":0}]",
          "51[\"x\",{\"_placeholder\":true,\"num\":0}]",
          "5",
          "51",
          "6",
          "5 1-[\"x\"]",
          "5+1-[\"x\"]",
          "51.0-[\"x\"]",
          "50-[\"x\"]",
          "60-1[]",
          "511-[\"x\"]",
          "599999999999999999999999-[\"x\"]"
        })
    void badAttachmentCount(String text) {
      rejects(text);
    }

    @Test
    void attachmentCountAboveTheConfiguredLimit() throws MalformedPacketException {
      PacketDecoder two = new PacketDecoder(new DecoderLimits(2, JsonLimits.DEFAULT));
      assertThat(two.decode("52-[\"x\"]")).isEmpty();
      assertThatThrownBy(
              () ->
                  new PacketDecoder(new DecoderLimits(2, JsonLimits.DEFAULT)).decode("53-[\"x\"]"))
          .isInstanceOf(MalformedPacketException.class)
          .hasMessageContaining("too many");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0[\"a\"]", "0\"a\"", "0 1", "0-1", "0null", "0true", "0/admin,[]"})
    void connectPayloadNotAnObject(String text) {
      rejects(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1{}", "1/admin,{}", "1\"x\"", "1[]", "1null"})
    void disconnectWithPayload(String text) {
      rejects(text);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "2{}",
          "2[]",
          "2\"x\"",
          "2",
          "2/admin,",
          "2/admin[\"x\"]",
          "212",
          "2null",
          "2abc[\"x\"]",
          "2[\"x\"",
          "2[\"x\",]",
          "2[\"x\"]]",
          "2[\"x\"]x",
          "2['x']",
          "2[NaN]",
          "2[{}]",
          "2[true]",
          "2[null]",
          "2[[\"a\"]]",
          "51-[]",
          "51-{}"
        })
    void eventPayloadInvalid(String text) {
      rejects(text);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener"
        })
    void eventWithReservedName(String name) {
      rejects("2[\"" + name + "\"]");
      rejects("2/admin,1[\"" + name + "\",1]");
      rejects("51-[\"" + name + "\",{\"_placeholder\":true,\"num\":0}]");
    }

    @Test
    void reservedNamesAreCaseSensitive() throws MalformedPacketException {
      assertThat(decode("2[\"Connect\"]").data()).isEqualTo(List.of("Connect"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31{}", "31\"x\"", "31", "31null", "3[]", "3/admin,[\"x\"]"})
    void ackInvalid(String text) {
      rejects(text);
    }

    @Test
    void binaryAckWithoutId() {
      rejects("61-[{\"_placeholder\":true,\"num\":0}]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4 42", "4[]", "4null", "4true", "4", "4/admin,"})
    void connectErrorNeitherStringNorObject(String text) {
      rejects(text);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "29007199254740992[\"x\"]",
          "200000000000000001[\"x\"]",
          "399999999999999999999[]"
        })
    void ackIdTooLarge(String text) {
      assertThatThrownBy(() -> decoder.decode(text))
          .isInstanceOf(MalformedPacketException.class)
          .hasMessageContaining("ack id");
    }

    @Test
    void textWhileAwaitingAttachments() throws MalformedPacketException {
      decoder.decode("51-[\"a\",{\"_placeholder\":true,\"num\":0}]");
      assertThatThrownBy(() -> decoder.decode("2[\"b\"]"))
          .isInstanceOf(MalformedPacketException.class);
      // the state is reset: the attachment is no longer awaited
      assertThatThrownBy(() -> decoder.decode(B0)).isInstanceOf(MalformedPacketException.class);
      assertThat(decode("2[\"c\"]").data()).isEqualTo(List.of("c"));
    }

    @Test
    void binaryWithNothingAwaited() throws MalformedPacketException {
      assertThatThrownBy(() -> decoder.decode(B0)).isInstanceOf(MalformedPacketException.class);
      decode("2[\"a\"]");
      assertThatThrownBy(() -> decoder.decode(B0)).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{\"_placeholder\":true,\"num\":1}",
          "{\"_placeholder\":true,\"num\":-1}",
          "{\"_placeholder\":true,\"num\":0.5}",
          "{\"_placeholder\":true,\"num\":\"0\"}",
          "{\"_placeholder\":true,\"num\":null}",
          "{\"_placeholder\":true,\"num\":[0]}",
          "{\"_placeholder\":true}",
          "{\"_placeholder\":true,\"num\":1e300}",
          "{\"_placeholder\":true,\"num\":4294967296}",
          "{\"x\":{\"_placeholder\":true,\"num\":9}}"
        })
    void invalidPlaceholder(String placeholder) throws MalformedPacketException {
      assertThat(decoder.decode("51-[\"m\"," + placeholder + "]")).isEmpty();
      assertThatThrownBy(() -> decoder.decode(B0))
          .isInstanceOf(MalformedPacketException.class)
          .hasMessageContaining("illegal attachments");
      // reset after the error
      assertThatThrownBy(() -> decoder.decode(B0)).isInstanceOf(MalformedPacketException.class);
      assertThat(decode("2[\"ok\"]").data()).isEqualTo(List.of("ok"));
    }

    @Test
    void placeholderMarkerMustBeTrue() throws MalformedPacketException {
      decoder.decode("51-[\"m\",{\"_placeholder\":\"true\",\"num\":5}]");
      assertThat(args(decoder.decode(B0).orElseThrow()))
          .containsExactly("m", Map.of("_placeholder", "true", "num", 5L));
    }

    @Test
    void jsonTooDeep() throws MalformedPacketException {
      PacketDecoder shallow = new PacketDecoder(new DecoderLimits(10, new JsonLimits(3, 64)));
      assertThat(shallow.decode("2[\"x\",[[1]]]")).isPresent();
      assertThatThrownBy(() -> shallow.decode("2[\"x\",[[[1]]]]"))
          .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void numberTooLong() {
      rejects("2[\"x\"," + "1".repeat(65) + "]");
      rejects("2[\"x\",0." + "1".repeat(63) + "]");
    }

    @Test
    void hugelyDeepArrayIsRejectedWithoutStackOverflow() {
      rejects("2" + "[".repeat(100_000) + "]".repeat(100_000));
      rejects("2[\"x\"," + "{\"a\":".repeat(100_000));
    }

    @Test
    void reasonsNeverQuoteTheInput() throws MalformedPacketException {
      String secret = "s3cr3t";
      for (String text :
          List.of(
              "2[\"" + secret + "\",]",
              "2/" + secret + ",{\"" + secret + "\":1}",
              "0[\"" + secret + "\"]",
              "2[\"connect\",\"" + secret + "\"]",
              "5" + secret + "-[]",
              "2" + secret)) {
        assertThatThrownBy(() -> decoder.decode(text))
            .isInstanceOf(MalformedPacketException.class)
            .extracting(Throwable::getMessage)
            .asString()
            .doesNotContain(secret);
      }
    }
  }

  @Test
  void reservedEventNamesAreTheReferenceList() {
    assertThat(ReservedEvents.RESERVED_EVENTS)
        .containsExactlyInAnyOrder(
            "connect",
            "connect_error",
            "disconnect",
            "disconnecting",
            "newListener",
            "removeListener");
    assertThat(ReservedEvents.isReserved("disconnecting")).isTrue();
    assertThat(ReservedEvents.isReserved("message")).isFalse();
    assertThat(ReservedEvents.isReserved(null)).isFalse();
  }
}
