package io.socketiojakarta.annotation;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Configures the Socket.IO server that the library mounts in a web application. Put it on one class
 * of the application (any class: the container finds it when the application starts). Each element
 * is written as its {@code web.xml} context parameter {@code socketio.<name>} would be, and an
 * empty string (the default) leaves the option alone. A context parameter in {@code web.xml}
 * overrides the annotation; a {@code SocketIoConfigurer} runs after both.
 *
 * <pre>{@code
 * @SocketIoConfiguration(pingInterval = "10s", connectTimeout = "5s",
 *     corsOrigins = "https://app.example.com")
 * public class ChatApplication {}
 * }</pre>
 *
 * <p>Durations are milliseconds ({@code "25000"}) or a number with a unit ({@code "25s"}, {@code
 * "500ms"}, {@code "2m"}) or ISO-8601 ({@code "PT25S"}); lists are comma-separated.
 */
@Documented
@Retention(RUNTIME)
@Target(TYPE)
public @interface SocketIoConfiguration {
  /** {@code false} leaves the application without a Socket.IO server. */
  String enabled() default "";

  /** The path under the application, {@code /socket.io/} by default. */
  String path() default "";

  /** Time between pings (25 s). */
  String pingInterval() default "";

  /** Time a client has to answer a ping (20 s). */
  String pingTimeout() default "";

  /** Time an upgrade may take (10 s). */
  String upgradeTimeout() default "";

  /** Largest message in bytes (1000000). */
  String maxHttpBufferSize() default "";

  /** The transports, {@code polling,websocket}. */
  String transports() default "";

  /** Whether polling clients may upgrade to WebSocket ({@code true}). */
  String allowUpgrades() default "";

  /** Responses compressed from this size ({@code 1024}), or {@code false}. */
  String httpCompression() default "";

  /** Whether permessage-deflate may be negotiated ({@code false}). */
  String perMessageDeflate() default "";

  /** The sticky-session cookie name, or {@code false} for none (the default). */
  String cookie() default "";

  /** Origins allowed by CORS ({@code *} for any); no CORS header when unset. */
  String corsOrigins() default "";

  /** Whether CORS answers allow credentials. */
  String corsCredentials() default "";

  /** Whether the client bundle is served under the path ({@code true}). */
  String serveClient() default "";

  /** Time a client has to join a namespace after connecting (45 s). */
  String connectTimeout() default "";

  /** Whether empty child namespaces of a dynamic namespace are removed ({@code false}). */
  String cleanupEmptyChildNamespaces() default "";

  /** Most binary attachments in one packet (10). */
  String maxAttachments() default "";

  /** Most packets of one client waiting for its handlers (1000). */
  String maxPendingPackets() default "";
}
