package io.socketiojakarta.engine;

/** Thrown by {@link EngineCodec} for input that is not a valid Engine.IO v4 packet or payload. */
public final class EngineParseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** An exception with a message saying what was wrong. */
  public EngineParseException(String message) {
    super(message, null, false, false);
  }
}
