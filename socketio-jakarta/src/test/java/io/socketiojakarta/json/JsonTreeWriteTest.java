package io.socketiojakarta.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Writing trees as JSON: golden strings of JavaScript's JSON.stringify. */
class JsonTreeWriteTest {

  @Test
  void compactOutputKeepsKeyOrder() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("z", 1L);
    map.put("a", List.of(true, "2"));
    map.put("m", null);
    map.put("e", Map.of());
    map.put("l", List.of());
    assertThat(JsonTree.write(map))
        .isEqualTo("{\"z\":1,\"a\":[true,\"2\"],\"m\":null,\"e\":{},\"l\":[]}");
  }

  @Test
  void scalars() {
    assertThat(JsonTree.write(null)).isEqualTo("null");
    assertThat(JsonTree.write(true)).isEqualTo("true");
    assertThat(JsonTree.write(false)).isEqualTo("false");
    assertThat(JsonTree.write("s")).isEqualTo("\"s\"");
    assertThat(JsonTree.write(new StringBuilder("sb"))).isEqualTo("\"sb\"");
    assertThat(JsonTree.write('c')).isEqualTo("\"c\"");
    assertThat(JsonTree.write(TimeUnit.SECONDS)).isEqualTo("\"SECONDS\"");
  }

  @Test
  void stringsEscapeOnlyQuoteBackslashAndControlCharacters() {
    assertThat(JsonTree.write("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
    assertThat(JsonTree.write("\b\f\n\r\t")).isEqualTo("\"\\b\\f\\n\\r\\t\"");
    assertThat(JsonTree.write("\u0000\u0001\u001f\u007f"))
        .isEqualTo("\"\\u0000\\u0001\\u001f\u007f\"");
    assertThat(JsonTree.write("\u001b")).isEqualTo("\"\\u001b\"");
  }

  @Test
  void nonAsciiAndLineSeparatorsAreNotEscaped() {
    assertThat(JsonTree.write("über 日本 \u2028\u2029 é")).isEqualTo("\"über 日本 \u2028\u2029 é\"");
    assertThat(JsonTree.write("😀")).isEqualTo("\"😀\"");
  }

  @Test
  void loneSurrogatesAreEscapedInLowerCase() {
    assertThat(JsonTree.write("a\uD83Db")).isEqualTo("\"a\\ud83db\"");
    assertThat(JsonTree.write("\uDE00")).isEqualTo("\"\\ude00\"");
    assertThat(JsonTree.write("\uDE00\uD83D")).isEqualTo("\"\\ude00\\ud83d\"");
    assertThat(JsonTree.write("x\uD83D")).isEqualTo("\"x\\ud83d\"");
  }

  @Test
  void integersAreDecimal() {
    assertThat(JsonTree.write(List.of(1L, -2, (short) 3, (byte) -4, Long.MIN_VALUE)))
        .isEqualTo("[1,-2,3,-4,-9223372036854775808]");
    assertThat(JsonTree.write(new BigInteger("123456789012345678901234567890")))
        .isEqualTo("123456789012345678901234567890");
  }

  @Test
  void doublesAsJavaScriptWritesThem() {
    assertThat(JsonTree.write(1.0)).isEqualTo("1");
    assertThat(JsonTree.write(-0.0)).isEqualTo("0");
    assertThat(JsonTree.write(0.1)).isEqualTo("0.1");
    assertThat(JsonTree.write(-1.5)).isEqualTo("-1.5");
    assertThat(JsonTree.write(1.5e-7)).isEqualTo("1.5e-7");
    assertThat(JsonTree.write(1e-7)).isEqualTo("1e-7");
    assertThat(JsonTree.write(0.000001)).isEqualTo("0.000001");
    assertThat(JsonTree.write(1e21)).isEqualTo("1e+21");
    assertThat(JsonTree.write(1e20)).isEqualTo("100000000000000000000");
    assertThat(JsonTree.write(1.2345e25)).isEqualTo("1.2345e+25");
    assertThat(JsonTree.write(123e-20)).isEqualTo("1.23e-18");
    assertThat(JsonTree.write(0.1 + 0.2)).isEqualTo("0.30000000000000004");
    assertThat(JsonTree.write(Math.pow(2, 53))).isEqualTo("9007199254740992");
    assertThat(JsonTree.write(123456789012345680000.0)).isEqualTo("123456789012345680000");
    assertThat(JsonTree.write(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    assertThat(JsonTree.write(Double.MIN_VALUE)).isEqualTo("5e-324");
    assertThat(JsonTree.write(Double.MIN_NORMAL)).isEqualTo("2.2250738585072014e-308");
    assertThat(JsonTree.write(Math.pow(2, 70))).isEqualTo("1.1805916207174113e+21");
  }

  @Test
  void doublesWhereOlderJdksPrintTooManyDigits() {
    assertThat(JsonTree.write(2e23)).isEqualTo("2e+23");
    assertThat(JsonTree.write(1e23)).isEqualTo("1e+23");
    assertThat(JsonTree.write(4.8726570057e288)).isEqualTo("4.8726570057e+288");
    assertThat(JsonTree.write(2e-3)).isEqualTo("0.002");
    assertThat(JsonTree.write(3 * Double.MIN_VALUE)).isEqualTo("1.5e-323");
  }

  @Test
  void nanAndInfinitiesAreNull() {
    assertThat(
            JsonTree.write(
                Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY)))
        .isEqualTo("[null,null,null]");
  }

  @Test
  void floatsUseTheirOwnShortestDigits() {
    assertThat(JsonTree.write(0.1f)).isEqualTo("0.1");
    assertThat(JsonTree.write(2.0f)).isEqualTo("2");
    assertThat(JsonTree.write(1.0e10f)).isEqualTo("10000000000");
  }

  @Test
  void bigDecimalsArePlain() {
    assertThat(JsonTree.write(new BigDecimal("1E+3"))).isEqualTo("1000");
    assertThat(JsonTree.write(new BigDecimal("0.10"))).isEqualTo("0.10");
  }

  @Test
  void rawJsonIsWrittenVerbatim() {
    assertThat(JsonTree.write(List.of("a", new RawJson("{\"b\": [1, 2]}"))))
        .isEqualTo("[\"a\",{\"b\": [1, 2]}]");
  }

  @Test
  void anyMapCollectionOrObjectArray() {
    Map<Object, Object> keys = new LinkedHashMap<>();
    keys.put(1, "one");
    keys.put(null, "none");
    keys.put(TimeUnit.DAYS, "d");
    assertThat(JsonTree.write(keys)).isEqualTo("{\"1\":\"one\",\"null\":\"none\",\"DAYS\":\"d\"}");
    assertThat(JsonTree.write(new TreeMap<>(Map.of("b", 2, "a", 1))))
        .isEqualTo("{\"a\":1,\"b\":2}");
    assertThat(JsonTree.write(new LinkedHashSet<>(List.of("x", "y")))).isEqualTo("[\"x\",\"y\"]");
    assertThat(JsonTree.write(new ArrayDeque<>(List.of(1, 2)))).isEqualTo("[1,2]");
    assertThat(JsonTree.write(new Object[] {"a", new String[] {"b"}, null}))
        .isEqualTo("[\"a\",[\"b\"],null]");
  }

  @Test
  void appendsToTheBuilder() {
    StringBuilder out = new StringBuilder("42");
    JsonTree.write(List.of("x"), out);
    assertThat(out).hasToString("42[\"x\"]");
  }

  @Test
  void valuesOutsideTheModelAreRefused() {
    assertThatThrownBy(() -> JsonTree.write(List.of(new byte[] {1})))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonTree.write(ByteBuffer.allocate(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonTree.write(Map.of("o", Optional.empty())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.util.Optional");
    assertThatThrownBy(() -> JsonTree.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonTree.write(new int[] {1}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JsonTree.write(new RawJson(null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void depthOf1000IsWrittenAndDeeperRefused() {
    assertThat(JsonTree.write(nested(1000))).isEqualTo("[".repeat(1000) + "]".repeat(1000));
    assertThatThrownBy(() -> JsonTree.write(nested(1001)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1000");
  }

  @Test
  void hugelyDeepDataIsRefusedWithoutStackOverflow() {
    assertThatThrownBy(() -> JsonTree.write(nested(100_000)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void cyclesAreRefused() {
    List<Object> cycle = new ArrayList<>();
    cycle.add(cycle);
    assertThatThrownBy(() -> JsonTree.write(cycle)).isInstanceOf(IllegalArgumentException.class);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("self", List.of(map));
    assertThatThrownBy(() -> JsonTree.write(map)).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Object> nested(int depth) {
    List<Object> root = new ArrayList<>();
    List<Object> current = root;
    for (int i = 1; i < depth; i++) {
      List<Object> child = new ArrayList<>();
      current.add(child);
      current = child;
    }
    return root;
  }
}
