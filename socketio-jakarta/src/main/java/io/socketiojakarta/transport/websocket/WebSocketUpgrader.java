package io.socketiojakarta.transport.websocket;

import io.socketiojakarta.engine.Engine;
import io.socketiojakarta.engine.EngineRequestSnapshot;
import io.socketiojakarta.engine.EngineSession;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Upgrades an HTTP request the engine accepted to a JSR-356 connection with {@link
 * ServerContainer#upgradeHttpToWebSocket} (WebSocket 2.1), with a programmatic endpoint
 * configuration whose configurator creates the connection's endpoint and negotiates no extension
 * unless {@code perMessageDeflate} is on (the reference never compresses frames by default).
 */
public final class WebSocketUpgrader {
  private final Engine engine;
  private final ServerContainer container;

  /**
   * One configuration for every upgrade, where the container allows it (see {@link
   * #createsEndpointInCall}); else null. Jetty derives state from each configuration it is given:
   * one per upgrade cost about a quarter of the connect rate.
   */
  private final ServerEndpointConfig shared;

  /** The endpoint of the upgrade running on this thread, for the shared configuration. */
  private static final ThreadLocal<EngineEndpoint> NEXT = new ThreadLocal<>();

  /**
   * An upgrader for this engine.
   *
   * @param engine the engine
   * @param container the container's WebSocket server container
   */
  public WebSocketUpgrader(Engine engine, ServerContainer container) {
    this.engine = engine;
    this.container = container;
    this.shared = createsEndpointInCall(container) ? config(NEXT::get) : null;
  }

  /**
   * Whether the container asks the configurator for the endpoint within {@code
   * upgradeHttpToWebSocket}, on the calling thread: Jetty does. Tomcat creates it after the call
   * returned, and Undertow hands every upgrade the same configuration to modify, so both get a
   * configuration per upgrade.
   */
  private static boolean createsEndpointInCall(ServerContainer container) {
    return container.getClass().getName().startsWith("org.eclipse.jetty.");
  }

  /** A configuration whose configurator returns the endpoint {@code endpoint} gives. */
  private ServerEndpointConfig config(Supplier<EngineEndpoint> endpoint) {
    boolean deflate = engine.options().perMessageDeflate();
    return ServerEndpointConfig.Builder.create(EngineEndpoint.class, engine.options().path())
        .configurator(
            new ServerEndpointConfig.Configurator() {
              @Override
              public <T> T getEndpointInstance(Class<T> endpointClass)
                  throws InstantiationException {
                EngineEndpoint e = endpoint.get();
                if (e == null) {
                  throw new InstantiationException("no upgrade in progress on this thread");
                }
                return endpointClass.cast(e);
              }

              @Override
              public List<Extension> getNegotiatedExtensions(
                  List<Extension> installed, List<Extension> requested) {
                return deflate ? super.getNegotiatedExtensions(installed, requested) : List.of();
              }
            })
        .build();
  }

  /**
   * Upgrades the request.
   *
   * @param request the container's HTTP request object
   * @param response the container's HTTP response object
   * @param handshake the request, copied
   * @param session the polling session to upgrade, or null for a new WebSocket-only session
   */
  public void upgrade(
      Object request, Object response, EngineRequestSnapshot handshake, EngineSession session)
      throws IOException {
    EngineEndpoint endpoint = new EngineEndpoint(engine, handshake, session);
    if (shared == null) {
      upgrade(request, response, config(() -> endpoint));
      return;
    }
    NEXT.set(endpoint);
    try {
      upgrade(request, response, shared);
    } finally {
      NEXT.remove();
    }
  }

  private void upgrade(Object request, Object response, ServerEndpointConfig config)
      throws IOException {
    try {
      container.upgradeHttpToWebSocket(request, response, config, Map.of());
    } catch (DeploymentException e) {
      throw new IOException("WebSocket upgrade failed", e);
    }
  }
}
