package io.socketiojakarta;

/**
 * Handles one event of a socket. Events of one socket are handled one at a time in arrival order,
 * on a handler thread (never a container I/O thread); a listener may block without stalling other
 * sockets.
 */
@FunctionalInterface
public interface EventListener {
  /** Handles the event; an exception is logged and the socket goes on. */
  void onEvent(Event event) throws Exception;
}
