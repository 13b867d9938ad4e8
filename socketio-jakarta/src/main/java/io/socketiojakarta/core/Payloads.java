package io.socketiojakarta.core;

import io.socketiojakarta.json.JsonMapper;
import io.socketiojakarta.json.JsonTree;
import io.socketiojakarta.json.RawJson;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns application values into JSON trees for the encoder and tree values back into application
 * types. Values outside the tree model go through JSON-B (as {@link RawJson}), so {@code byte[]}
 * inside a JSON-B-bound object is not an attachment: only {@code byte[]} and {@code ByteBuffer} in
 * the arguments, lists, maps and records are (a record with a binary component is written and bound
 * component by component, without JSON-B and its annotations).
 */
final class Payloads {
  private static final int MAX_DEPTH = 1000;

  private final Optional<JsonMapper> mapper;

  Payloads(Optional<JsonMapper> mapper) {
    this.mapper = mapper;
  }

  List<Object> arguments(String event, Object[] args, int count) {
    List<Object> out = new ArrayList<>(count + 1);
    if (event != null) {
      out.add(event);
    }
    for (int i = 0; i < count; i++) {
      out.add(tree(args[i], 0));
    }
    return out;
  }

  Object tree(Object value) {
    return tree(value, 0);
  }

  private Object tree(Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Integer
        || value instanceof Double
        || value instanceof byte[]
        || value instanceof RawJson) {
      return value;
    }
    if (value instanceof Number n) {
      if (n instanceof Short || n instanceof Byte) {
        return n.longValue();
      }
      if (n instanceof Float f) {
        return Double.parseDouble(Float.toString(f));
      }
      return n; // Long, Integer, Double, BigInteger, BigDecimal... are written as they are
    }
    if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof ByteBuffer b) {
      ByteBuffer copy = b.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        out.put(String.valueOf(e.getKey()), tree(e.getValue(), depth + 1));
      }
      return out;
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object o : c) {
        out.add(tree(o, depth + 1));
      }
      return out;
    }
    if (value instanceof Object[] a) {
      List<Object> out = new ArrayList<>(a.length);
      for (Object o : a) {
        out.add(tree(o, depth + 1));
      }
      return out;
    }
    if (value instanceof Optional<?> o) {
      return tree(o.orElse(null), depth + 1);
    }
    if (value instanceof Record r && Records.hasBinaryComponent(r.getClass())) {
      // JSON-B would write the bytes as numbers: a record with binary components becomes an
      // object whose binary values are attachments, like a map would
      String[] names = Records.names(r.getClass());
      Object[] values = Records.values(r);
      Map<String, Object> out = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        out.put(names[i], tree(values[i], depth + 1));
      }
      return out;
    }
    return new RawJson(mapper().toJson(value));
  }

  private JsonMapper mapper() {
    return mapper.orElseThrow(
        () ->
            new IllegalArgumentException(
                "no JSON-B implementation available: use maps, lists and plain values, or add one"
                    + " (e.g. Yasson) to the application"));
  }

  @SuppressWarnings("unchecked")
  <T> T bind(Object value, Type type) {
    if (type instanceof Class<?> c) {
      if (value == null) {
        if (c.isPrimitive()) {
          throw new IllegalArgumentException("null does not bind to " + c.getName());
        }
        return null;
      }
      Class<?> boxed = box(c);
      if (boxed.isInstance(value)) {
        return (T) value;
      }
      if (value instanceof Number n) {
        Object converted = number(n, boxed);
        if (converted != null) {
          return (T) converted;
        }
      }
      if (value instanceof RawJson raw) {
        return (T) mapper().fromJson(raw.json(), type);
      }
    }
    if (containsBinary(value)) {
      if (type instanceof Class<?> c && c.isRecord() && value instanceof Map<?, ?> m) {
        return (T) bindRecord(m, c);
      }
      throw new IllegalArgumentException(
          "binary data binds only to byte[], List, Map or a record, not to " + type.getTypeName());
    }
    return (T) mapper().fromJson(JsonTree.write(value), type);
  }

  /** An object holding binary data, bound component by component to a record. */
  private Object bindRecord(Map<?, ?> object, Class<?> type) {
    String[] names = Records.names(type);
    Type[] types = Records.types(type);
    Object[] values = new Object[names.length];
    for (int i = 0; i < names.length; i++) {
      Object raw = object.get(names[i]);
      try {
        values[i] =
            raw instanceof byte[] && types[i] == java.nio.ByteBuffer.class
                ? raw
                : bind(raw, types[i]);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            names[i] + " of " + type.getSimpleName() + ": " + e.getMessage(), e);
      }
    }
    return Records.create(type, values);
  }

  private static boolean containsBinary(Object value) {
    return containsBinary(value, 0);
  }

  /** Bounded like {@link #tree}: received data may be nested as deep as the decoder allows. */
  private static boolean containsBinary(Object value, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalArgumentException("value nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value instanceof byte[]) {
      return true;
    }
    Collection<?> children =
        value instanceof Map<?, ?> m ? m.values() : value instanceof List<?> l ? l : List.of();
    for (Object child : children) {
      if (containsBinary(child, depth + 1)) {
        return true;
      }
    }
    return false;
  }

  private static Object number(Number n, Class<?> type) {
    if (type == Integer.class) {
      return n.intValue();
    }
    if (type == Long.class) {
      return n.longValue();
    }
    if (type == Double.class) {
      return n.doubleValue();
    }
    if (type == Float.class) {
      return n.floatValue();
    }
    if (type == Short.class) {
      return n.shortValue();
    }
    if (type == Byte.class) {
      return n.byteValue();
    }
    if (type == BigDecimal.class) {
      return new BigDecimal(n.toString());
    }
    if (type == BigInteger.class && !(n instanceof Double)) {
      return new BigInteger(n.toString());
    }
    if (type == Number.class) {
      return n;
    }
    return null;
  }

  private static Class<?> box(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    if (c == int.class) {
      return Integer.class;
    }
    if (c == long.class) {
      return Long.class;
    }
    if (c == double.class) {
      return Double.class;
    }
    if (c == boolean.class) {
      return Boolean.class;
    }
    if (c == float.class) {
      return Float.class;
    }
    if (c == short.class) {
      return Short.class;
    }
    if (c == byte.class) {
      return Byte.class;
    }
    return Character.class;
  }
}
