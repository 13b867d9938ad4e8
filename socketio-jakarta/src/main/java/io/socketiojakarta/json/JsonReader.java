package io.socketiojakarta.json;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 8259 parser without recursion: open arrays and objects sit on an explicit stack, so
 * the depth of the input costs heap (bounded by the limits), never Java stack.
 */
final class JsonReader {
  private final String text;
  private final int end;
  private final JsonLimits limits;
  private int pos;

  private JsonReader(String text, int start, JsonLimits limits) {
    this.text = text;
    this.end = text.length();
    this.limits = limits;
    this.pos = start;
  }

  static Object read(String text, int start, JsonLimits limits) throws JsonException {
    if (start < 0 || start > text.length()) {
      throw new IndexOutOfBoundsException("start " + start + ", length " + text.length());
    }
    return new JsonReader(text, start, limits).parse();
  }

  private Object parse() throws JsonException {
    skipWhitespace();
    if (pos == end) {
      throw new JsonException("empty JSON text");
    }
    // containers[i] is an ArrayList or a LinkedHashMap; keys[i] the pending key of an object
    Object[] containers = new Object[8];
    String[] keys = new String[8];
    int depth = 0;
    while (true) {
      // a value starts at pos (whitespace already skipped)
      Object value;
      char c = next("a value");
      switch (c) {
        case '[', '{' -> {
          if (depth >= limits.maxDepth()) {
            throw new JsonException("JSON nested deeper than " + limits.maxDepth());
          }
          if (depth == containers.length) {
            containers = Arrays.copyOf(containers, depth * 2);
            keys = Arrays.copyOf(keys, depth * 2);
          }
          boolean array = c == '[';
          Object container = array ? new ArrayList<>() : new LinkedHashMap<String, Object>();
          skipWhitespace();
          if (pos < end && text.charAt(pos) == (array ? ']' : '}')) {
            pos++;
            value = container;
          } else {
            containers[depth] = container;
            if (!array) {
              keys[depth] = readKey();
            }
            depth++;
            continue;
          }
        }
        case '"' -> value = readString();
        case 't' -> value = literal("rue", Boolean.TRUE);
        case 'f' -> value = literal("alse", Boolean.FALSE);
        case 'n' -> value = literal("ull", null);
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            pos--;
            value = readNumber();
          } else {
            throw unexpected();
          }
        }
      }
      // the value is complete: hand it to its container, closing containers as they end
      while (true) {
        if (depth == 0) {
          skipWhitespace();
          if (pos != end) {
            throw new JsonException("unexpected text after JSON at offset " + pos);
          }
          return value;
        }
        Object top = containers[depth - 1];
        boolean array = top instanceof ArrayList;
        if (array) {
          asList(top).add(value);
        } else {
          asMap(top).put(keys[depth - 1], value);
        }
        skipWhitespace();
        char sep = next("',' or a closing bracket");
        if (sep == ',') {
          if (!array) {
            skipWhitespace();
            keys[depth - 1] = readKey();
          } else {
            skipWhitespace();
          }
          break;
        }
        if (sep != (array ? ']' : '}')) {
          throw unexpected();
        }
        depth--;
        containers[depth] = null;
        keys[depth] = null;
        value = top;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }

  /** Reads {@code "key" :} and the whitespace after it; pos is at the opening quote. */
  private String readKey() throws JsonException {
    if (next("an object key") != '"') {
      throw unexpected();
    }
    String key = readString();
    skipWhitespace();
    if (next("':'") != ':') {
      throw unexpected();
    }
    skipWhitespace();
    return key;
  }

  /** Reads a string whose opening quote has been consumed. */
  private String readString() throws JsonException {
    StringBuilder sb = null;
    int chunk = pos;
    while (true) {
      if (pos >= end) {
        throw new JsonException("unterminated JSON string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String s = sb == null ? text.substring(chunk, pos) : sb.append(text, chunk, pos).toString();
        pos++;
        return s;
      }
      if (c == '\\') {
        if (sb == null) {
          sb = new StringBuilder(pos - chunk + 16);
        }
        sb.append(text, chunk, pos);
        pos++;
        sb.append(readEscape());
        chunk = pos;
      } else if (c < 0x20) {
        throw new JsonException("control character in JSON string at offset " + pos);
      } else {
        pos++;
      }
    }
  }

  private char readEscape() throws JsonException {
    char c = next("an escape");
    switch (c) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        if (end - pos < 4) {
          throw new JsonException("truncated unicode escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
          int d = hexDigit(text.charAt(pos++));
          if (d < 0) {
            throw new JsonException("invalid unicode escape at offset " + (pos - 1));
          }
          v = (v << 4) | d;
        }
        // a surrogate pair arrives as two escapes and joins again in the string
        return (char) v;
      default:
        pos--;
        throw new JsonException("invalid escape at offset " + pos);
    }
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private Object readNumber() throws JsonException {
    int start = pos;
    if (text.charAt(pos) == '-') {
      pos++;
    }
    if (pos < end && text.charAt(pos) == '0') {
      pos++;
    } else if (digits() == 0) {
      throw new JsonException("invalid number at offset " + start);
    }
    boolean integral = true;
    if (pos < end && text.charAt(pos) == '.') {
      pos++;
      integral = false;
      if (digits() == 0) {
        throw new JsonException("invalid number at offset " + start);
      }
    }
    if (pos < end && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      integral = false;
      if (pos < end && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (digits() == 0) {
        throw new JsonException("invalid number at offset " + start);
      }
    }
    if (pos - start > limits.maxNumberLength()) {
      throw new JsonException("number longer than " + limits.maxNumberLength() + " characters");
    }
    if (integral) {
      try {
        return Long.parseLong(text, start, pos, 10);
      } catch (NumberFormatException tooLarge) {
        // beyond a long: a double, as JavaScript would read it
      }
    }
    double d = Double.parseDouble(text.substring(start, pos));
    if (Double.isInfinite(d)) {
      throw new JsonException("number out of range at offset " + start);
    }
    return d;
  }

  private int digits() {
    int from = pos;
    while (pos < end && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos - from;
  }

  private Object literal(String rest, Object value) throws JsonException {
    if (!text.startsWith(rest, pos)) {
      throw unexpected();
    }
    pos += rest.length();
    return value;
  }

  private char next(String expected) throws JsonException {
    if (pos >= end) {
      throw new JsonException("unexpected end of JSON, expected " + expected);
    }
    return text.charAt(pos++);
  }

  /** The character just consumed was not expected. */
  private JsonException unexpected() {
    return new JsonException("unexpected character at offset " + (pos - 1));
  }

  private void skipWhitespace() {
    while (pos < end) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }
}
