package io.socketiojakarta.cdi;

import io.socketiojakarta.Server;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import java.lang.System.Logger.Level;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Connects the CDI observers of an application to its server. Called by the container initializer's
 * listener on the thread that starts the application, only when the CDI API is visible to the
 * application: the {@code BeanManager} is captured there, on a container thread, and observers are
 * later called from the server's own threads.
 */
public final class CdiIntegration {
  private static final System.Logger LOG = System.getLogger(CdiIntegration.class.getName());

  private CdiIntegration() {}

  /**
   * Binds the application's CDI observers, middleware beans and injectable server to {@code
   * server}.
   *
   * @param server the application's server, not yet accepting clients
   * @param beanManager the application's {@code BeanManager} when the caller found one (e.g. the
   *     servlet context attribute {@code jakarta.enterprise.inject.spi.BeanManager}), else null
   * @return whether a CDI container was found and bound
   * @throws IllegalStateException when the server was attached already
   */
  public static boolean attach(Server server, Object beanManager) {
    BeanManager bm = beanManager instanceof BeanManager b ? b : lookup();
    if (bm == null) {
      LOG.log(Level.DEBUG, "no CDI container in this application: CDI observers are not bound");
      return false;
    }
    SocketIoExtension extension;
    try {
      extension = bm.getExtension(SocketIoExtension.class);
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.INFO,
          "the CDI container of this application did not load the Socket.IO extension:"
              + " CDI observers are not bound");
      return false;
    }
    extension.attach(server, bm, Thread.currentThread().getContextClassLoader());
    return true;
  }

  /**
   * Releases what {@link #attach} started for {@code server} (the pool of asynchronous observers).
   * Called while the application stops, after the server closed.
   *
   * @param server the server given to {@link #attach}
   * @param beanManager as for {@link #attach}
   */
  public static void detach(Server server, Object beanManager) {
    BeanManager bm = beanManager instanceof BeanManager b ? b : lookup();
    if (bm == null) {
      return;
    }
    try {
      bm.getExtension(SocketIoExtension.class).detach();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The container is gone already, or never loaded the extension: nothing to release.
    }
  }

  private static BeanManager lookup() {
    try {
      return CDI.current().getBeanManager();
    } catch (RuntimeException | LinkageError e) {
      // No CDI provider, or none for this application: try the naming context.
    }
    try {
      Object found = new InitialContext().lookup("java:comp/BeanManager");
      return found instanceof BeanManager b ? b : null;
    } catch (NamingException | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
