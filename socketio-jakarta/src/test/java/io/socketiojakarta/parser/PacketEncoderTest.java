package io.socketiojakarta.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketiojakarta.json.RawJson;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden wire strings of the Socket.IO v5 encoder (protocol-notes 2.1). */
class PacketEncoderTest {
  private static final byte[] B0 = {1, 2, 3};
  private static final byte[] B1 = {4};
  private static final byte[] B2 = {5, 6};

  private static String text(Packet packet) {
    EncodedPacket encoded = PacketEncoder.encode(packet);
    assertThat(encoded.attachments()).isEmpty();
    return encoded.text();
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void event() {
    assertThat(text(Packet.event("/", List.of("foo"), Packet.NO_ID))).isEqualTo("2[\"foo\"]");
  }

  @Test
  void eventOnANamespace() {
    assertThat(text(Packet.event("/admin", List.of("bar"), Packet.NO_ID)))
        .isEqualTo("2/admin,[\"bar\"]");
  }

  @Test
  void eventWithAckId() {
    assertThat(text(Packet.event("/", List.of("foo"), 12))).isEqualTo("212[\"foo\"]");
    assertThat(text(Packet.event("/admin", List.of("foo"), 0))).isEqualTo("2/admin,0[\"foo\"]");
  }

  @Test
  void ack() {
    assertThat(text(Packet.ack("/admin", List.of("bar"), 13))).isEqualTo("3/admin,13[\"bar\"]");
    assertThat(text(Packet.ack("/", Arrays.asList((Object) null), 0))).isEqualTo("30[null]");
    assertThat(text(Packet.ack("/", List.of(), 456))).isEqualTo("3456[]");
  }

  @Test
  void connect() {
    assertThat(text(Packet.connect("/admin", map("sid", "abc"))))
        .isEqualTo("0/admin,{\"sid\":\"abc\"}");
    assertThat(text(Packet.connect("/", map("sid", "x")))).isEqualTo("0{\"sid\":\"x\"}");
    assertThat(text(Packet.connect("/", null))).isEqualTo("0");
    assertThat(text(Packet.connect("/admin", null))).isEqualTo("0/admin,");
  }

  @Test
  void disconnect() {
    assertThat(text(Packet.disconnect("/admin"))).isEqualTo("1/admin,");
    assertThat(text(Packet.disconnect("/"))).isEqualTo("1");
  }

  @Test
  void disconnectNeverCarriesData() {
    assertThat(text(new Packet(PacketType.DISCONNECT, "/", Packet.NO_ID, map("a", 1))))
        .isEqualTo("1");
  }

  @Test
  void connectError() {
    assertThat(text(Packet.connectError("/", map("message", "Not authorized"))))
        .isEqualTo("4{\"message\":\"Not authorized\"}");
    assertThat(text(Packet.connectError("/random", map("message", "Invalid namespace"))))
        .isEqualTo("4/random,{\"message\":\"Invalid namespace\"}");
    assertThat(text(Packet.connectError("/", map("message", "m", "data", map("code", 7L)))))
        .isEqualTo("4{\"message\":\"m\",\"data\":{\"code\":7}}");
    assertThat(text(Packet.connectError("/", "oops"))).isEqualTo("4\"oops\"");
  }

  @Test
  void nonAsciiNamespacesAreWrittenAsTheyAre() {
    assertThat(text(Packet.event("/über", List.of("x"), Packet.NO_ID))).isEqualTo("2/über,[\"x\"]");
    assertThat(text(Packet.connect("/日本", map("sid", "s")))).isEqualTo("0/日本,{\"sid\":\"s\"}");
  }

  @Test
  void compactJsonWithKeyOrderPreserved() {
    List<Object> args = List.of("message-back", 1L, "2", map("3", List.of(true), "1", "z"));
    assertThat(text(Packet.event("/", args, Packet.NO_ID)))
        .isEqualTo("2[\"message-back\",1,\"2\",{\"3\":[true],\"1\":\"z\"}]");
  }

  @Test
  void stringsAreEscapedLikeJsonStringify() {
    List<Object> args = List.of("m", "q\"b\\n\n\u2028/é", "lone\uD800");
    assertThat(text(Packet.event("/", args, Packet.NO_ID)))
        .isEqualTo("2[\"m\",\"q\\\"b\\\\n\\n\u2028/é\",\"lone\\ud800\"]");
  }

  @Test
  void numbersAreWrittenLikeJavaScript() {
    List<Object> args = List.of("n", 1.0, -0.0, 0.1, 1.5e-7, 1e21, 1.2345e25, Double.NaN, 7L);
    assertThat(text(Packet.event("/", args, Packet.NO_ID)))
        .isEqualTo("2[\"n\",1,0,0.1,1.5e-7,1e+21,1.2345e+25,null,7]");
  }

  @Test
  void rawJsonIsEmbedded() {
    List<Object> args = List.of("typed", new RawJson("{\"x\":1,\"y\":2}"));
    assertThat(text(Packet.event("/", args, Packet.NO_ID)))
        .isEqualTo("2[\"typed\",{\"x\":1,\"y\":2}]");
  }

  @Test
  void binaryEvent() {
    EncodedPacket encoded =
        PacketEncoder.encode(Packet.event("/", List.of("baz", B0), Packet.NO_ID));
    assertThat(encoded.text()).isEqualTo("51-[\"baz\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(encoded.attachments()).containsExactly(B0);
  }

  @Test
  void binaryAck() {
    EncodedPacket encoded = PacketEncoder.encode(Packet.ack("/", List.of(B0), 3));
    assertThat(encoded.text()).isEqualTo("61-3[{\"_placeholder\":true,\"num\":0}]");
    assertThat(encoded.attachments()).containsExactly(B0);
  }

  @Test
  void binaryOnANamespaceWithAckId() {
    EncodedPacket encoded =
        PacketEncoder.encode(Packet.event("/admin", List.of("upload", B0, B1), 456));
    assertThat(encoded.text())
        .isEqualTo(
            "52-/admin,456[\"upload\",{\"_placeholder\":true,\"num\":0},"
                + "{\"_placeholder\":true,\"num\":1}]");
    assertThat(encoded.attachments()).containsExactly(B0, B1);
  }

  @Test
  void attachmentsAreNumberedDepthFirst() {
    List<Object> args =
        List.of("e", List.of(List.of(B0), map("k", B1)), map("a", map("b", B2), "c", "d"));
    EncodedPacket encoded = PacketEncoder.encode(Packet.event("/", args, Packet.NO_ID));
    assertThat(encoded.text())
        .isEqualTo(
            "53-[\"e\",[[{\"_placeholder\":true,\"num\":0}],{\"k\":{\"_placeholder\":true,\"num\":1}}],"
                + "{\"a\":{\"b\":{\"_placeholder\":true,\"num\":2}},\"c\":\"d\"}]");
    assertThat(encoded.attachments()).containsExactly(B0, B1, B2);
  }

  @Test
  void binaryInsideObjectsAndArrays() {
    Object[] array = {B1, "x"};
    EncodedPacket encoded =
        PacketEncoder.encode(
            Packet.event("/", List.of("m", map("file", B0, "name", "a.bin"), array), 7));
    assertThat(encoded.text())
        .isEqualTo(
            "52-7[\"m\",{\"file\":{\"_placeholder\":true,\"num\":0},\"name\":\"a.bin\"},"
                + "[{\"_placeholder\":true,\"num\":1},\"x\"]]");
  }

  @Test
  void sameArrayTwiceIsTwoAttachments() {
    EncodedPacket encoded = PacketEncoder.encode(Packet.event("/", List.of("m", B0, B0), -1));
    assertThat(encoded.text()).startsWith("52-");
    assertThat(encoded.attachments()).containsExactly(B0, B0);
  }

  @Test
  void byteBufferRemainingBytesAreAnAttachment() {
    ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 8, 7, 6});
    buffer.position(1);
    EncodedPacket encoded =
        PacketEncoder.encode(Packet.event("/", List.of("m", buffer), Packet.NO_ID));
    assertThat(encoded.text()).isEqualTo("51-[\"m\",{\"_placeholder\":true,\"num\":0}]");
    assertThat(encoded.attachments().get(0)).containsExactly(8, 7, 6);
    assertThat(buffer.position()).isEqualTo(1);
  }

  @Test
  void inputIsNotModified() {
    Map<String, Object> inner = map("file", B0, "n", 1L);
    List<Object> args = new ArrayList<>(List.of("m", inner, new ArrayList<>(List.of(B1))));
    String before = args.toString();
    PacketEncoder.encode(Packet.event("/", args, 1));
    assertThat(args).hasToString(before);
    assertThat(inner.get("file")).isSameAs(B0);
    assertThat(((List<?>) args.get(2)).get(0)).isSameAs(B1);
  }

  @Test
  void binaryTypesWithoutBinaryAreWrittenAsPlainTypes() {
    assertThat(text(new Packet(PacketType.BINARY_EVENT, "/", Packet.NO_ID, List.of("x"))))
        .isEqualTo("2[\"x\"]");
    assertThat(text(new Packet(PacketType.BINARY_ACK, "/", 4, List.of()))).isEqualTo("34[]");
  }

  @Test
  void binaryOutsideEventsAndAcksIsRefused() {
    assertThatThrownBy(() -> PacketEncoder.encode(Packet.connect("/", map("b", B0))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invalidNamespacesAreRefused() {
    assertThatThrownBy(() -> PacketEncoder.encode(Packet.disconnect("/a,b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PacketEncoder.encode(Packet.disconnect("admin")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PacketEncoder.encode(Packet.disconnect("")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dataOutsideTheTreeModelIsRefused() {
    assertThatThrownBy(
            () -> PacketEncoder.encode(Packet.event("/", List.of("m", new Object()), -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cyclesAreRefusedWithAndWithoutBinary() {
    List<Object> cycle = new ArrayList<>();
    cycle.add("m");
    cycle.add(cycle);
    assertThatThrownBy(() -> PacketEncoder.encode(Packet.event("/", cycle, -1)))
        .isInstanceOf(IllegalArgumentException.class);
    List<Object> binaryCycle = new ArrayList<>();
    binaryCycle.add("m");
    binaryCycle.add(B0);
    binaryCycle.add(binaryCycle);
    assertThatThrownBy(() -> PacketEncoder.encode(Packet.event("/", binaryCycle, -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void hugelyDeepDataIsRefusedWithoutStackOverflow() {
    List<Object> root = new ArrayList<>();
    List<Object> current = root;
    for (int i = 0; i < 100_000; i++) {
      List<Object> child = new ArrayList<>();
      current.add(child);
      current = child;
    }
    current.add(B0);
    assertThatThrownBy(() -> PacketEncoder.encode(Packet.event("/", root, -1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
