package io.socketiojakarta.json;

/**
 * Reads and writes JSON trees made of {@code Map<String, Object>} (insertion order), {@code
 * List<Object>}, {@code String}, {@code Number}, {@code Boolean} and {@code null}; {@link RawJson}
 * is written as is. Compact output with the escaping of JavaScript's {@code JSON.stringify}.
 * Neither direction recurses, so no input can overflow the stack.
 */
public final class JsonTree {
  private JsonTree() {}

  /** Parses {@code text} from {@code start} to its end. */
  public static Object read(String text, int start, JsonLimits limits) throws JsonException {
    throw new UnsupportedOperationException("todo");
  }

  /**
   * Appends the JSON of {@code value}. Throws {@link IllegalArgumentException} for values outside
   * the tree model (including {@code byte[]}) or nested deeper than 1000 levels (cycles).
   */
  public static void write(Object value, StringBuilder out) {
    throw new UnsupportedOperationException("todo");
  }

  /** The JSON of {@code value}. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }
}
