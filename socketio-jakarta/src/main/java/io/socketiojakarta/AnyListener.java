package io.socketiojakarta;

/**
 * A catch-all listener ({@code onAny}, {@code onAnyOutgoing}): sees every event name and arguments.
 */
@FunctionalInterface
public interface AnyListener {
  /** Sees one event. */
  void onAny(String event, Args args) throws Exception;
}
