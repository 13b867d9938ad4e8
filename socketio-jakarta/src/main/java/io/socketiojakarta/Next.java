package io.socketiojakarta;

/** How a middleware hands on: only the first call counts. */
public interface Next {
  /** Continues with the next middleware (or connects the socket / dispatches the event). */
  void proceed();

  /** Stops here with an error. */
  void fail(Throwable error);
}
