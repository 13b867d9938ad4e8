package io.socketiojakarta.core;

import io.socketiojakarta.Args;
import io.socketiojakarta.json.JsonMapper;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link Args} a handler receives, outside a running server: {@code ArgsView} and {@code
 * Payloads} are package-private, so the benchmarks reach them from this package name.
 */
public final class ArgsAccess {
  private ArgsAccess() {}

  /** The arguments of a received event, bound with {@code mapper}. */
  public static Args args(List<Object> values, JsonMapper mapper) {
    return new ArgsView(values, new Payloads(Optional.of(mapper)));
  }
}
