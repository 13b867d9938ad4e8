package io.socketiojakarta.config;

import io.socketiojakarta.Server;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.lang.System.Logger.Level;

/**
 * Added by {@link SocketIoInitializer}: when the application starts, binds its CDI beans to the
 * server if the CDI API is visible to the application (a CDI container, such as Weld in the WAR or
 * the application server's, then usually runs too). Stopping needs nothing here: the server closes
 * with its servlet.
 */
final class CdiStartupListener implements ServletContextListener {
  /** The class whose visibility tells that the CDI API is there. */
  static final String BEAN_MANAGER = "jakarta.enterprise.inject.spi.BeanManager";

  private static final System.Logger LOG = System.getLogger(CdiStartupListener.class.getName());

  private final Server server;

  CdiStartupListener(Server server) {
    this.server = server;
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    ServletContext context = event.getServletContext();
    if (!cdiVisible(context.getClassLoader())) {
      LOG.log(Level.DEBUG, "no CDI API in this web application: CDI integration off");
      return;
    }
    boolean bound;
    try {
      bound = CdiBridge.attach(server, context.getAttribute(BEAN_MANAGER));
    } catch (RuntimeException | LinkageError e) {
      server.close();
      throw new IllegalStateException("socketio: the CDI integration failed: " + e, e);
    }
    LOG.log(
        Level.DEBUG, bound ? "CDI integration on" : "no CDI container found: CDI integration off");
  }

  /** Whether the CDI API can be loaded by the application's class loader. */
  static boolean cdiVisible(ClassLoader loader) {
    try {
      Class.forName(BEAN_MANAGER, false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
