package io.socketiojakarta.core;

import io.socketiojakarta.Args;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.List;

/** The arguments of a received event or acknowledgement. */
class ArgsView implements Args {
  private final List<Object> values;
  private final Payloads payloads;

  ArgsView(List<Object> values, Payloads payloads) {
    this.values = Collections.unmodifiableList(values);
    this.payloads = payloads;
  }

  @Override
  public int size() {
    return values.size();
  }

  @Override
  public List<Object> values() {
    return values;
  }

  @Override
  public Object get(int index) {
    return values.get(index);
  }

  @Override
  public <T> T get(int index, Class<T> type) {
    return payloads.bind(values.get(index), type);
  }

  @Override
  public <T> T get(int index, Type type) {
    return payloads.bind(values.get(index), type);
  }

  @Override
  public String toString() {
    return "Args[" + values.size() + " values]"; // no recursion into client data
  }
}
