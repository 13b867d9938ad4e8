package io.socketiojakarta.config;

import io.socketiojakarta.annotation.SocketIoConfiguration;
import io.socketiojakarta.engine.CookieOptions;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The configuration parameters: each is a {@code web.xml} context parameter {@code socketio.<name>}
 * and the {@link SocketIoConfiguration} element of the same name. Applying one parses its text and
 * sets it on an {@link OptionsDraft}; a text that does not parse throws {@link
 * IllegalArgumentException} (usually {@link ConfigValues.InvalidValue}).
 */
enum ConfigParameter {
  ENABLED("enabled", SocketIoConfiguration::enabled, (d, v) -> d.enabled = ConfigValues.bool(v)),
  PATH("path", SocketIoConfiguration::path, (d, v) -> d.engine.path(v)),
  PING_INTERVAL(
      "pingInterval",
      SocketIoConfiguration::pingInterval,
      (d, v) -> d.engine.pingInterval(ConfigValues.duration(v))),
  PING_TIMEOUT(
      "pingTimeout",
      SocketIoConfiguration::pingTimeout,
      (d, v) -> d.engine.pingTimeout(ConfigValues.duration(v))),
  UPGRADE_TIMEOUT(
      "upgradeTimeout",
      SocketIoConfiguration::upgradeTimeout,
      (d, v) -> d.engine.upgradeTimeout(ConfigValues.duration(v))),
  MAX_HTTP_BUFFER_SIZE(
      "maxHttpBufferSize",
      SocketIoConfiguration::maxHttpBufferSize,
      (d, v) -> d.engine.maxHttpBufferSize(ConfigValues.longValue(v))),
  TRANSPORTS(
      "transports",
      SocketIoConfiguration::transports,
      (d, v) -> d.engine.transports(ConfigValues.list(v))),
  ALLOW_UPGRADES(
      "allowUpgrades",
      SocketIoConfiguration::allowUpgrades,
      (d, v) -> d.engine.allowUpgrades(ConfigValues.bool(v))),
  HTTP_COMPRESSION(
      "httpCompression",
      SocketIoConfiguration::httpCompression,
      (d, v) -> {
        var threshold = ConfigValues.compression(v, OptionsDraft.DEFAULT_COMPRESSION_THRESHOLD);
        if (threshold.isPresent()) {
          d.engine.httpCompression(threshold.getAsInt());
        } else {
          d.engine.noHttpCompression();
        }
      }),
  PER_MESSAGE_DEFLATE(
      "perMessageDeflate",
      SocketIoConfiguration::perMessageDeflate,
      (d, v) -> d.engine.perMessageDeflate(ConfigValues.bool(v))),
  COOKIE(
      "cookie",
      SocketIoConfiguration::cookie,
      (d, v) -> {
        String name = ConfigValues.cookieName(v);
        d.cookie(
            name == null ? Optional.empty() : Optional.of(CookieOptions.defaults().withName(name)));
      }),
  CORS_ORIGINS(
      "corsOrigins",
      SocketIoConfiguration::corsOrigins,
      (d, v) -> d.corsOrigins(ConfigValues.list(v))),
  CORS_CREDENTIALS(
      "corsCredentials",
      SocketIoConfiguration::corsCredentials,
      (d, v) -> d.corsCredentials(ConfigValues.bool(v))),
  SERVE_CLIENT(
      "serveClient",
      SocketIoConfiguration::serveClient,
      (d, v) -> d.server.serveClient(ConfigValues.bool(v))),
  CONNECT_TIMEOUT(
      "connectTimeout",
      SocketIoConfiguration::connectTimeout,
      (d, v) -> d.server.connectTimeout(ConfigValues.duration(v))),
  CLEANUP_EMPTY_CHILD_NAMESPACES(
      "cleanupEmptyChildNamespaces",
      SocketIoConfiguration::cleanupEmptyChildNamespaces,
      (d, v) -> d.server.cleanupEmptyChildNamespaces(ConfigValues.bool(v))),
  MAX_ATTACHMENTS(
      "maxAttachments",
      SocketIoConfiguration::maxAttachments,
      (d, v) -> d.server.maxAttachments(ConfigValues.intValue(v))),
  MAX_PENDING_PACKETS(
      "maxPendingPackets",
      SocketIoConfiguration::maxPendingPackets,
      (d, v) -> d.server.maxPendingPackets(ConfigValues.intValue(v)));

  /** The prefix of the context parameters. */
  static final String PREFIX = "socketio.";

  private final String simpleName;
  private final Function<SocketIoConfiguration, String> element;
  private final BiConsumer<OptionsDraft, String> apply;

  ConfigParameter(
      String simpleName,
      Function<SocketIoConfiguration, String> element,
      BiConsumer<OptionsDraft, String> apply) {
    this.simpleName = simpleName;
    this.element = element;
    this.apply = apply;
  }

  /** The annotation element's name, e.g. {@code pingInterval}. */
  String simpleName() {
    return simpleName;
  }

  /** The context parameter's name, e.g. {@code socketio.pingInterval}. */
  String paramName() {
    return PREFIX + simpleName;
  }

  /** The element's text in an annotation (empty when left alone). */
  String valueIn(SocketIoConfiguration annotation) {
    return element.apply(annotation);
  }

  /** Parses {@code value} (trimmed, not empty) and sets it on {@code draft}. */
  void apply(OptionsDraft draft, String value) {
    apply.accept(draft, value);
  }

  /** The parameter of a context parameter name, if it is one. */
  static Optional<ConfigParameter> byParamName(String paramName) {
    for (ConfigParameter p : values()) {
      if (p.paramName().equals(paramName)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
