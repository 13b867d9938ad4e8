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
 * Selects the {@code disconnect} of a socket: the observed parameter has type {@code Disconnection}
 * (the socket, the reason and its description) or {@code Socket}.
 *
 * <pre>{@code
 * void left(@Observes @OnDisconnect @SocketNamespace("/chat") Disconnection d) {
 *   log(d.socket().id() + " left: " + d.reason());
 * }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, TYPE})
public @interface OnDisconnect {}
