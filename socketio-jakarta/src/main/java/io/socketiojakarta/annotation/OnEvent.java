package io.socketiojakarta.annotation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Selects a custom event by name. The observed parameter is either:
 *
 * <ul>
 *   <li>{@code Event}: the event itself, all its arguments as sent, and its acknowledgement;
 *   <li>{@code Socket}: the socket that received it (the arguments are not needed);
 *   <li>any other type: the event's first argument bound to that type with JSON-B ({@code String},
 *       a record, a {@code List<Item>}, {@code byte[]} for binary...).
 * </ul>
 *
 * <p>Other parameters of the observer method may be of type {@code Socket}, {@code Event} or {@code
 * Event.Acknowledgement} (a no-op when the client asked for none), besides any bean.
 *
 * <pre>{@code
 * void message(@Observes @OnEvent("message") ChatMessage m, Socket socket,
 *              Event.Acknowledgement ack) {
 *   socket.broadcast().emit("message", m);
 *   ack.send("delivered");
 * }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, TYPE})
public @interface OnEvent {
  /** The event name; reserved names ({@code connect}, {@code disconnect}...) are refused. */
  String value();
}
