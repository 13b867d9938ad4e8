package io.socketiojakarta.config;

import io.socketiojakarta.Server;
import io.socketiojakarta.cdi.CdiIntegration;

/**
 * The one place the initializer reaches the CDI integration. Kept apart so that loading the
 * initializer and its listener links no {@code jakarta.enterprise} type: this class is only loaded
 * once the CDI API was found visible to the application.
 */
final class CdiBridge {
  private CdiBridge() {}

  /** {@link CdiIntegration#attach(Server, Object)}. */
  static boolean attach(Server server, Object beanManager) {
    return CdiIntegration.attach(server, beanManager);
  }
}
