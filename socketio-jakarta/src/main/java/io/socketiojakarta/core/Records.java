package io.socketiojakarta.core;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;

/**
 * Records with binary components, read and created by reflection: JSON-B writes {@code byte[]} as
 * an array of numbers, while Socket.IO carries it as a binary attachment. What reflection finds is
 * kept per class ({@link ClassValue}: nothing keeps an application's classes alive).
 */
final class Records {
  private static final ClassValue<Shape> SHAPES =
      new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
          return Shape.of(type);
        }
      };

  private Records() {}

  /** Whether a component of the record type is {@code byte[]} or a {@code ByteBuffer}. */
  static boolean hasBinaryComponent(Class<?> type) {
    return SHAPES.get(type).binary();
  }

  /** The record's component names, in order (shared: not to be modified). */
  static String[] names(Class<?> type) {
    return SHAPES.get(type).names();
  }

  /** The record's component types, in order (shared: not to be modified). */
  static Type[] types(Class<?> type) {
    return SHAPES.get(type).types();
  }

  /** The record's component values, in order. */
  static Object[] values(Record record) {
    Shape shape = SHAPES.get(record.getClass());
    Object[] values = new Object[shape.accessors().length];
    for (int i = 0; i < values.length; i++) {
      try {
        values[i] = shape.accessors()[i].invoke(record);
      } catch (IllegalAccessException e) {
        throw new IllegalArgumentException("cannot read " + shape.names()[i], e);
      } catch (InvocationTargetException e) {
        throw new IllegalArgumentException(shape.names()[i] + " failed", e.getCause());
      }
    }
    return values;
  }

  /** A record of {@code type} from its component values ({@code byte[]} becomes a ByteBuffer). */
  static Object create(Class<?> type, Object[] values) {
    Shape shape = SHAPES.get(type);
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof byte[] bytes && shape.types()[i] == ByteBuffer.class) {
        values[i] = ByteBuffer.wrap(bytes);
      }
    }
    try {
      return shape.constructor().newInstance(values);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException(
          type.getSimpleName() + " refused the values: " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalArgumentException("cannot create " + type.getName() + ": " + e, e);
    }
  }

  private record Shape(
      boolean binary,
      String[] names,
      Type[] types,
      Method[] accessors,
      Constructor<?> constructor) {
    static Shape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      String[] names = new String[components.length];
      Type[] types = new Type[components.length];
      Class<?>[] raw = new Class<?>[components.length];
      Method[] accessors = new Method[components.length];
      boolean binary = false;
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        names[i] = c.getName();
        types[i] = c.getGenericType();
        raw[i] = c.getType();
        binary |= raw[i] == byte[].class || raw[i] == ByteBuffer.class;
        accessors[i] = c.getAccessor();
      }
      Constructor<?> constructor;
      try {
        constructor = type.getDeclaredConstructor(raw);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("no canonical constructor in " + type.getName(), e);
      }
      if (binary) {
        // only records that take this path are opened up
        for (Method m : accessors) {
          m.setAccessible(true);
        }
        constructor.setAccessible(true);
      }
      return new Shape(binary, names, types, accessors, constructor);
    }
  }
}
