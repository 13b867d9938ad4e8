package io.socketiojakarta.json;

/**
 * Reads and writes JSON trees made of {@code Map<String, Object>} (insertion order), {@code
 * List<Object>}, {@code String}, {@code Number}, {@code Boolean} and {@code null}; {@link RawJson}
 * is written as is. Compact output with the escaping of JavaScript's {@code JSON.stringify}.
 * Neither direction recurses, so no input can overflow the stack.
 *
 * <p>Reading yields {@code LinkedHashMap<String, Object>} (a repeated key keeps its first place and
 * its last value), {@code ArrayList<Object>}, {@code String}, {@code Boolean}, {@code Long} for
 * integer literals that fit, {@code Double} for all other numbers, and {@code null}:
 *
 * <pre>{@code
 * Object tree = JsonTree.read("[\"chat\",{\"text\":\"hi\"}]", 0, JsonLimits.DEFAULT);
 * String json = JsonTree.write(List.of("chat", Map.of("n", 1.0))); // ["chat",{"n":1}]
 * }</pre>
 *
 * <p>Writing also accepts any {@code Map} (keys through {@code String.valueOf}), any {@code
 * Collection} and {@code Object[]} as arrays, the other JDK number types ({@code double} and {@code
 * float} in JavaScript's number form, {@code NaN} and the infinities as {@code null}, {@code
 * BigDecimal} in plain notation), {@code Character}, any {@code CharSequence} and enum constants
 * (their name) as strings. Thread-safe: no state is kept between calls.
 */
public final class JsonTree {
  private JsonTree() {}

  /**
   * Parses {@code text} from {@code start} to its end.
   *
   * @throws JsonException when the text is empty or not strict JSON (RFC 8259), or is deeper or has
   *     a longer number than {@code limits} allow; the reason never quotes the text
   */
  public static Object read(String text, int start, JsonLimits limits) throws JsonException {
    return JsonReader.read(text, start, limits);
  }

  /**
   * Appends the JSON of {@code value}. Throws {@link IllegalArgumentException} for values outside
   * the tree model (including {@code byte[]}) or nested deeper than 1000 levels (cycles); {@code
   * out} may then hold part of the output.
   */
  public static void write(Object value, StringBuilder out) {
    JsonWriter.write(value, out);
  }

  /** The JSON of {@code value}. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }
}
