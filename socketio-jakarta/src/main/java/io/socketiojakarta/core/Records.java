package io.socketiojakarta.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records with binary components, read and created by reflection: JSON-B writes {@code byte[]} as
 * an array of numbers, while Socket.IO carries it as a binary attachment.
 */
final class Records {
  private static final Map<Class<?>, Boolean> BINARY = new ConcurrentHashMap<>();

  private Records() {}

  /** Whether a component of the record type is {@code byte[]} or a {@code ByteBuffer}. */
  static boolean hasBinaryComponent(Class<?> type) {
    return BINARY.computeIfAbsent(
        type,
        t -> {
          for (RecordComponent c : t.getRecordComponents()) {
            if (c.getType() == byte[].class || c.getType() == ByteBuffer.class) {
              return true;
            }
          }
          return false;
        });
  }

  static Object get(Record record, RecordComponent component) {
    try {
      var accessor = component.getAccessor();
      accessor.setAccessible(true);
      return accessor.invoke(record);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new IllegalArgumentException(
          "cannot read " + component.getName() + " of " + record.getClass().getName(), e);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          component.getName() + " of " + record.getClass().getName() + " failed", e.getCause());
    }
  }

  static Object create(Class<?> type, RecordComponent[] components, Object[] values) {
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      if (values[i] instanceof byte[] bytes && types[i] == ByteBuffer.class) {
        values[i] = ByteBuffer.wrap(bytes);
      }
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          type.getSimpleName() + " refused the values: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("cannot create " + type.getName() + ": " + e, e);
    }
  }
}
