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
 * Names a Socket.IO namespace. On an observed parameter (with {@link OnConnection}, {@link
 * OnDisconnect} or {@link OnEvent}) it selects the namespace the observer handles; without it an
 * observer handles the main namespace {@code /}. On an injection point of type {@code Namespace} it
 * selects the namespace injected. On a CDI bean implementing {@code Middleware} it names the
 * namespace the middleware guards.
 *
 * <pre>{@code
 * @Inject @SocketNamespace("/admin") Namespace admin;
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({PARAMETER, FIELD, METHOD, TYPE})
public @interface SocketNamespace {
  /** The namespace name, starting with {@code /}. */
  String value() default "/";
}
