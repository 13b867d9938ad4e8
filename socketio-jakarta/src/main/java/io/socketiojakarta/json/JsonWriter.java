package io.socketiojakarta.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Compact JSON as JavaScript's {@code JSON.stringify} writes it, without recursion: the open
 * containers are iterators on an explicit stack of at most {@link #MAX_DEPTH} entries, which also
 * stops cycles.
 */
final class JsonWriter {
  /** Deepest nesting written; deeper data (or a cycle) is refused. */
  static final int MAX_DEPTH = 1000;

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonWriter() {}

  static void write(Object value, StringBuilder out) {
    Iterator<?>[] open = new Iterator<?>[8];
    boolean[] isObject = new boolean[8];
    boolean[] first = new boolean[8];
    int depth = 0;
    Object current = value;
    while (true) {
      Iterator<?> children = null;
      boolean object = false;
      if (current instanceof Map<?, ?> map) {
        children = map.entrySet().iterator();
        object = true;
      } else if (current instanceof Collection<?> collection) {
        children = collection.iterator();
      } else if (current instanceof Object[] array) {
        children = Arrays.asList(array).iterator();
      } else {
        writeScalar(current, out);
      }
      if (children != null) {
        if (depth == MAX_DEPTH) {
          throw new IllegalArgumentException("JSON nested deeper than " + MAX_DEPTH + " levels");
        }
        if (depth == open.length) {
          open = Arrays.copyOf(open, depth * 2);
          isObject = Arrays.copyOf(isObject, depth * 2);
          first = Arrays.copyOf(first, depth * 2);
        }
        open[depth] = children;
        isObject[depth] = object;
        first[depth] = true;
        depth++;
        out.append(object ? '{' : '[');
      }
      // find the next value to write, closing the containers that are done
      boolean more = false;
      while (depth > 0) {
        Iterator<?> it = open[depth - 1];
        if (it.hasNext()) {
          if (!first[depth - 1]) {
            out.append(',');
          }
          first[depth - 1] = false;
          if (isObject[depth - 1]) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) it.next();
            writeString(String.valueOf(entry.getKey()), out);
            out.append(':');
            current = entry.getValue();
          } else {
            current = it.next();
          }
          more = true;
          break;
        }
        depth--;
        out.append(isObject[depth] ? '}' : ']');
        open[depth] = null;
      }
      if (!more) {
        return;
      }
    }
  }

  private static void writeScalar(Object value, StringBuilder out) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof CharSequence s) {
      writeString(s.toString(), out);
    } else if (value instanceof Boolean b) {
      out.append(b.booleanValue());
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      out.append(((Number) value).longValue());
    } else if (value instanceof Double d) {
      JsNumber.append(d, out);
    } else if (value instanceof Float f) {
      // the float's own shortest digits (0.1f is written 0.1), not those of its double widening
      JsNumber.append(f.isNaN() || f.isInfinite() ? f : Double.parseDouble(f.toString()), out);
    } else if (value instanceof BigInteger i) {
      out.append(i);
    } else if (value instanceof BigDecimal d) {
      out.append(d.toPlainString());
    } else if (value instanceof RawJson raw) {
      if (raw.json() == null) {
        throw new IllegalArgumentException("RawJson without text");
      }
      out.append(raw.json());
    } else if (value instanceof Character c) {
      writeString(String.valueOf(c.charValue()), out);
    } else if (value instanceof Enum<?> e) {
      writeString(e.name(), out);
    } else if (value instanceof byte[]) {
      throw new IllegalArgumentException("binary data has no JSON form");
    } else {
      throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
    }
  }

  /**
   * A string as {@code JSON.stringify} quotes it: only {@code "}, {@code \} and control characters
   * are escaped, and lone surrogates (well-formed JSON.stringify, ES2019); {@code /}, U+2028 and
   * all other non-ASCII characters are written as they are.
   */
  static void writeString(String s, StringBuilder out) {
    out.append('"');
    int chunk = 0;
    int length = s.length();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
        continue;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++; // a proper pair stays as it is
        continue;
      }
      out.append(s, chunk, i);
      chunk = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default ->
            out.append("\\u")
                .append(HEX[c >> 12])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
      }
    }
    out.append(s, chunk, length).append('"');
  }
}
