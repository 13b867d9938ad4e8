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
 * Selects the {@code connection} of a socket: the observed parameter has type {@code Socket}, and
 * the observer runs once the namespace's middlewares have admitted it, before any of its events.
 *
 * <pre>{@code
 * void joined(@Observes @OnConnection @SocketNamespace("/chat") Socket socket) {
 *   socket.join("lobby");
 * }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, TYPE})
public @interface OnConnection {}
