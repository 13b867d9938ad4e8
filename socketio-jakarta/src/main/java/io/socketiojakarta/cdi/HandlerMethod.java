package io.socketiojakarta.cdi;

import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.reflect.Type;

/**
 * An observer method the extension calls: what it handles and how its observed parameter is made.
 *
 * @param kind what the observer handles
 * @param namespace the namespace name
 * @param event the event name ({@code kind == EVENT}), else empty
 * @param observer the container's observer method, notified directly
 * @param observedType the observed parameter's type
 * @param binding how the observed parameter is made from what happened
 * @param description the method, for messages ({@code Chat.message(ChatMessage)})
 */
record HandlerMethod(
    Kind kind,
    String namespace,
    String event,
    ObserverMethod<?> observer,
    Type observedType,
    Binding binding,
    String description) {

  /** What an observer handles. */
  enum Kind {
    CONNECTION,
    DISCONNECT,
    EVENT
  }

  /** How the observed parameter is made. */
  enum Binding {
    /** The socket. */
    SOCKET,
    /** The {@code Event}. */
    EVENT,
    /** The {@code Disconnection}. */
    DISCONNECTION,
    /** The event's first argument bound with JSON-B. */
    FIRST_ARGUMENT
  }

  boolean async() {
    return observer.isAsync();
  }
}
