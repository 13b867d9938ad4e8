package io.socketiojakarta.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading JSON text into trees: the model, strict RFC 8259 grammar and the limits. */
class JsonTreeReadTest {

  private static Object read(String text) throws JsonException {
    return JsonTree.read(text, 0, JsonLimits.DEFAULT);
  }

  @Test
  void objectsAreInsertionOrderedMapsAndArraysAreLists() throws JsonException {
    Object tree = read("{\"b\":1,\"a\":[true,false,null,\"x\"],\"c\":{}}");
    assertThat(tree).isInstanceOf(LinkedHashMap.class);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) tree;
    assertThat(map.keySet()).containsExactly("b", "a", "c");
    assertThat(map.get("a")).isInstanceOf(ArrayList.class);
    assertThat(map.get("a")).isEqualTo(Arrays.asList(true, false, null, "x"));
    assertThat(map.get("c")).isEqualTo(Map.of());
  }

  @Test
  void repeatedKeyKeepsItsFirstPlaceAndLastValue() throws JsonException {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) read("{\"a\":1,\"b\":2,\"a\":3}");
    assertThat(map.keySet()).containsExactly("a", "b");
    assertThat(map.get("a")).isEqualTo(3L);
  }

  @Test
  void integersThatFitAreLongsOtherNumbersDoubles() throws JsonException {
    assertThat(read("[0,-0,42,-7,9223372036854775807,-9223372036854775808]"))
        .isEqualTo(List.of(0L, 0L, 42L, -7L, Long.MAX_VALUE, Long.MIN_VALUE));
    assertThat(read("[9223372036854775808,1.5,-0.25,1e3,2E-2,1.0]"))
        .isEqualTo(List.of(9.223372036854775808E18, 1.5, -0.25, 1000.0, 0.02, 1.0));
  }

  @Test
  void stringEscapesAreDecoded() throws JsonException {
    assertThat(read("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u2028\""))
        .isEqualTo("a\"b\\c/d\b\f\n\r\té\u2028");
  }

  @Test
  void surrogatePairEscapesJoinAndLoneSurrogatesSurvive() throws JsonException {
    assertThat(read("\"\\ud83d\\ude00\"")).isEqualTo("😀");
    assertThat(read("\"\\uD83D\\uDE00\"")).isEqualTo("\uD83D\uDE00");
    assertThat(read("\"\\udc00x\"")).isEqualTo("\udc00x");
  }

  @Test
  void nonAsciiTextIsKept() throws JsonException {
    assertThat(read("[\"日本\",\"über\",\"😀\"]")).isEqualTo(List.of("日本", "über", "😀"));
  }

  @Test
  void whitespaceAroundTokensIsAllowed() throws JsonException {
    assertThat(read(" \t\r\n{ \"a\" : [ 1 , 2 ] , \"b\" : { } } \n"))
        .isEqualTo(Map.of("a", List.of(1L, 2L), "b", Map.of()));
  }

  @Test
  void readingStartsAtTheGivenOffset() throws JsonException {
    assertThat(JsonTree.read("2/admin,12[\"x\"]", 10, JsonLimits.DEFAULT)).isEqualTo(List.of("x"));
  }

  @Test
  void scalarsAtTopLevel() throws JsonException {
    assertThat(read("\"s\"")).isEqualTo("s");
    assertThat(read("true")).isEqualTo(true);
    assertThat(read("null")).isNull();
    assertThat(read("-12")).isEqualTo(-12L);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "[1,]",
        "{\"a\":1,}",
        "[,1]",
        "{,}",
        "[1 2]",
        "{\"a\" 1}",
        "{\"a\":}",
        "{a:1}",
        "{'a':1}",
        "['a']",
        "01",
        "-01",
        "[00]",
        "1.",
        ".5",
        "-",
        "+1",
        "1e",
        "1e+",
        "0x10",
        "NaN",
        "Infinity",
        "-Infinity",
        "tru",
        "nul",
        "True",
        "\"abc",
        "\"a\\x\"",
        "\"a\\u12\"",
        "\"a\\u12g4\"",
        "\"tab\there\"",
        "\"new\nline\"",
        "[1]]",
        "[1] x",
        "{}{}",
        "[",
        "{",
        "{\"a\"",
        "{\"a\":1",
        "abc",
        "\u00a0[]"
      })
  void malformedJsonIsRejected(String text) {
    assertThatThrownBy(() -> read(text)).isInstanceOf(JsonException.class);
  }

  @Test
  void numberBeyondDoubleRangeIsRejected() {
    assertThatThrownBy(() -> read("1e400")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> read("[-1e999]")).isInstanceOf(JsonException.class);
  }

  @Test
  void depthLimitCountsArraysAndObjects() throws JsonException {
    JsonLimits limits = new JsonLimits(3, 64);
    assertThat(JsonTree.read("[{\"a\":[]}]", 0, limits)).isNotNull();
    assertThatThrownBy(() -> JsonTree.read("[{\"a\":[[]]}]", 0, limits))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("deeper");
  }

  @Test
  void defaultDepthLimitIs64() throws JsonException {
    assertThat(read("[".repeat(64) + "]".repeat(64))).isNotNull();
    assertThatThrownBy(() -> read("[".repeat(65) + "]".repeat(65)))
        .isInstanceOf(JsonException.class);
  }

  @Test
  void hugelyDeepInputIsRejectedWithoutStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> read(deep)).isInstanceOf(JsonException.class);
    String unclosed = "{\"a\":".repeat(100_000);
    assertThatThrownBy(() -> read(unclosed)).isInstanceOf(JsonException.class);
  }

  @Test
  void hugelyDeepInputWithinLimitsIsReadWithoutRecursion() throws JsonException {
    int depth = 100_000;
    Object tree =
        JsonTree.read("[".repeat(depth) + "]".repeat(depth), 0, new JsonLimits(depth, 64));
    int levels = 0;
    while (tree instanceof List<?> list && !list.isEmpty()) {
      tree = list.get(0);
      levels++;
    }
    assertThat(levels).isEqualTo(depth - 1);
  }

  @Test
  void numberLengthLimitCountsTheWholeLiteral() throws JsonException {
    JsonLimits limits = new JsonLimits(64, 5);
    assertThat(JsonTree.read("-1.25", 0, limits)).isEqualTo(-1.25);
    assertThat(JsonTree.read("[12345]", 0, limits)).isEqualTo(List.of(12345L));
    assertThatThrownBy(() -> JsonTree.read("123456", 0, limits))
        .isInstanceOf(JsonException.class)
        .hasMessageContaining("longer");
    assertThatThrownBy(() -> JsonTree.read("[1.2e-3]", 0, limits))
        .isInstanceOf(JsonException.class);
  }

  @Test
  void reasonsNeverQuoteTheInput() {
    String secret = "s3cr3t-token";
    for (String text :
        List.of(
            "{\"" + secret + "\" 1}",
            "[\"" + secret + "\",]",
            "\"" + secret,
            secret,
            "[\"" + secret + "\\q\"]")) {
      assertThatThrownBy(() -> read(text))
          .isInstanceOf(JsonException.class)
          .extracting(Throwable::getMessage)
          .asString()
          .doesNotContain(secret)
          .doesNotContain("s3cr");
    }
  }

  @Test
  void listsMayHoldNull() throws JsonException {
    assertThat(read("[null,1]")).isEqualTo(Arrays.asList(null, 1L));
  }
}
