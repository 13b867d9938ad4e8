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
   * One configuration for every upgrade: containers derive per-configuration state (decoders,
   * metadata) from it, which cost more than the rest of a connection when built per request.
   */
  private final ServerEndpointConfig config;

  /** The endpoint of the upgrade running on this thread, for the configurator. */
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
    boolean deflate = engine.options().perMessageDeflate();
    this.config =
        ServerEndpointConfig.Builder.create(EngineEndpoint.class, engine.options().path())
            .configurator(
                new ServerEndpointConfig.Configurator() {
                  @Override
                  public <T> T getEndpointInstance(Class<T> endpointClass)
                      throws InstantiationException {
                    EngineEndpoint endpoint = NEXT.get();
                    if (endpoint == null) {
                      throw new InstantiationException(
                          "the endpoint is created by the upgrade call, on its thread");
                    }
                    return endpointClass.cast(endpoint);
                  }

                  @Override
                  public List<Extension> getNegotiatedExtensions(
                      List<Extension> installed, List<Extension> requested) {
                    return deflate
                        ? super.getNegotiatedExtensions(installed, requested)
                        : List.of();
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
    NEXT.set(new EngineEndpoint(engine, handshake, session));
    try {
      container.upgradeHttpToWebSocket(request, response, config, Map.of());
    } catch (DeploymentException e) {
      throw new IOException("WebSocket upgrade failed", e);
    } finally {
      NEXT.remove();
    }
  }
}
