package io.socketiojakarta.parser;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Map;

/**
 * Binary attachments (protocol-notes 2.1): binary values in a tree are swapped for {@code
 * {"_placeholder":true,"num":N}} on the way out and back on the way in. Every walk uses an explicit
 * stack.
 */
final class Attachments {
  /** As deep as the JSON writer goes; deeper data (or a cycle) is refused. */
  static final int MAX_DEPTH = 1000;

  static final String PLACEHOLDER = "_placeholder";
  static final String NUM = "num";

  private Attachments() {}

  static boolean isBinary(Object value) {
    return value instanceof byte[] || value instanceof ByteBuffer;
  }

  private static boolean isContainer(Object value) {
    return value instanceof Map || value instanceof Collection || value instanceof Object[];
  }

  private static Iterator<?> values(Object container) {
    if (container instanceof Map<?, ?> map) {
      return map.values().iterator();
    }
    if (container instanceof Collection<?> collection) {
      return collection.iterator();
    }
    return Arrays.asList((Object[]) container).iterator();
  }

  /** Whether the tree holds binary; reads only, so large plain data is never copied. */
  static boolean containsBinary(Object data) {
    if (isBinary(data)) {
      return true;
    }
    if (!isContainer(data)) {
      return false;
    }
    Iterator<?>[] stack = new Iterator<?>[8];
    stack[0] = values(data);
    int depth = 1;
    while (depth > 0) {
      Iterator<?> it = stack[depth - 1];
      if (!it.hasNext()) {
        stack[--depth] = null;
        continue;
      }
      Object value = it.next();
      if (isBinary(value)) {
        return true;
      }
      if (isContainer(value)) {
        if (depth == MAX_DEPTH) {
          throw new IllegalArgumentException("data nested deeper than " + MAX_DEPTH + " levels");
        }
        if (depth == stack.length) {
          stack = Arrays.copyOf(stack, depth * 2);
        }
        stack[depth++] = values(value);
      }
    }
    return false;
  }

  /**
   * A copy of the tree with each binary value replaced by a placeholder numbered in depth-first
   * order (lists in order, map values in order, as the reference's recursion visits them) and
   * appended to {@code found}. Containers are copied, the input is left as it is.
   */
  static Object extract(Object data, List<byte[]> found) {
    if (isBinary(data)) {
      return placeholder(data, found);
    }
    if (!isContainer(data)) {
      return data;
    }
    Object root = emptyCopy(data);
    Iterator<?>[] sources = new Iterator<?>[8];
    Object[] targets = new Object[8];
    sources[0] = children(data);
    targets[0] = root;
    int depth = 1;
    while (depth > 0) {
      Iterator<?> it = sources[depth - 1];
      if (!it.hasNext()) {
        sources[--depth] = null;
        targets[depth] = null;
        continue;
      }
      Object target = targets[depth - 1];
      Object key = null;
      Object value = it.next();
      if (target instanceof Map) {
        Map.Entry<?, ?> entry = (Map.Entry<?, ?>) value;
        key = entry.getKey();
        value = entry.getValue();
      }
      Object copy = value;
      if (isBinary(value)) {
        copy = placeholder(value, found);
      } else if (isContainer(value)) {
        if (depth == MAX_DEPTH) {
          throw new IllegalArgumentException("data nested deeper than " + MAX_DEPTH + " levels");
        }
        if (depth == sources.length) {
          sources = Arrays.copyOf(sources, depth * 2);
          targets = Arrays.copyOf(targets, depth * 2);
        }
        copy = emptyCopy(value);
        sources[depth] = children(value);
        targets[depth] = copy;
        depth++;
      }
      if (target instanceof Map) {
        asMap(target).put(key, copy);
      } else {
        asList(target).add(copy);
      }
    }
    return root;
  }

  private static Object emptyCopy(Object container) {
    if (container instanceof Map<?, ?> map) {
      return new LinkedHashMap<Object, Object>(Math.max(4, map.size() * 4 / 3 + 1));
    }
    if (container instanceof Collection<?> collection) {
      return new ArrayList<Object>(collection.size());
    }
    return new ArrayList<Object>(((Object[]) container).length);
  }

  private static Iterator<?> children(Object container) {
    if (container instanceof Map<?, ?> map) {
      return map.entrySet().iterator();
    }
    return values(container);
  }

  private static Map<String, Object> placeholder(Object binary, List<byte[]> found) {
    byte[] bytes;
    if (binary instanceof ByteBuffer buffer) {
      ByteBuffer view = buffer.duplicate();
      bytes = new byte[view.remaining()];
      view.get(bytes);
    } else {
      bytes = (byte[]) binary;
    }
    Map<String, Object> placeholder = new LinkedHashMap<>(4);
    placeholder.put(PLACEHOLDER, Boolean.TRUE);
    placeholder.put(NUM, found.size());
    found.add(bytes);
    return placeholder;
  }

  /**
   * Puts the attachments in place of the placeholders of a decoded tree (made of the reader's
   * mutable lists and maps). Like the reference, any object whose {@code _placeholder} is {@code
   * true} is a placeholder, and its {@code num} must index an attachment.
   */
  static void restore(Object data, List<byte[]> attachments) throws MalformedPacketException {
    List<Object> pending = new ArrayList<>();
    pending.add(data);
    while (!pending.isEmpty()) {
      Object container = pending.remove(pending.size() - 1);
      if (container instanceof List) {
        for (ListIterator<Object> it = asList(container).listIterator(); it.hasNext(); ) {
          Object value = it.next();
          byte[] binary = resolve(value, attachments);
          if (binary != null) {
            it.set(binary);
          } else if (value instanceof List || value instanceof Map) {
            pending.add(value);
          }
        }
      } else if (container instanceof Map) {
        for (Map.Entry<Object, Object> entry : asMap(container).entrySet()) {
          Object value = entry.getValue();
          byte[] binary = resolve(value, attachments);
          if (binary != null) {
            entry.setValue(binary);
          } else if (value instanceof List || value instanceof Map) {
            pending.add(value);
          }
        }
      }
    }
  }

  /** The attachment a placeholder stands for, or null when the value is no placeholder. */
  private static byte[] resolve(Object value, List<byte[]> attachments)
      throws MalformedPacketException {
    if (!(value instanceof Map<?, ?> map) || !Boolean.TRUE.equals(map.get(PLACEHOLDER))) {
      return null;
    }
    Object num = map.get(NUM);
    long index = -1;
    if (num instanceof Long l) {
      index = l;
    } else if (num instanceof Double d && d == Math.rint(d)) {
      index = d >= 0 && d < attachments.size() ? d.longValue() : -1; // 1.0 is 1 in JavaScript
    }
    if (index < 0 || index >= attachments.size()) {
      throw new MalformedPacketException("illegal attachments");
    }
    return attachments.get((int) index);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<Object, Object> asMap(Object o) {
    return (Map<Object, Object>) o;
  }
}
