package io.socketiojakarta.cdi;

import io.socketiojakarta.Server;

/**
 * Connects the CDI observers of an application to its server. Called by the container initializer's
 * listener on the thread that starts the application, only when the CDI API is visible to the
 * application.
 */
public final class CdiIntegration {
  private CdiIntegration() {}

  /**
   * Binds the application's CDI observers, middleware beans and injectable server to {@code
   * server}.
   *
   * @param server the application's server, not yet accepting clients
   * @param beanManager the application's {@code BeanManager} when the caller found one (e.g. the
   *     servlet context attribute {@code jakarta.enterprise.inject.spi.BeanManager}), else null
   * @return whether a CDI container was found and bound
   */
  public static boolean attach(Server server, Object beanManager) {
    return false;
  }
}
