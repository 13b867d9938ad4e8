package io.socketiojakarta.core;

import io.socketiojakarta.Connection;
import io.socketiojakarta.engine.EngineSession;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The public view of a client's Engine.IO session. */
final class ConnectionView implements Connection {
  private static final System.Logger LOG = System.getLogger(ConnectionView.class.getName());

  private final EngineSession session;
  private final List<Consumer<String>> upgradeListeners = new CopyOnWriteArrayList<>();

  ConnectionView(EngineSession session) {
    this.session = session;
  }

  @Override
  public String id() {
    return session.id();
  }

  @Override
  public String transportName() {
    return session.transportName();
  }

  @Override
  public boolean upgraded() {
    return session.upgraded();
  }

  @Override
  public String remoteAddress() {
    return session.request().remoteAddress();
  }

  @Override
  public boolean isOpen() {
    return session.isOpen();
  }

  @Override
  public void onUpgrade(Consumer<String> listener) {
    upgradeListeners.add(listener);
  }

  void fireUpgrade(String transport) {
    for (Consumer<String> l : upgradeListeners) {
      try {
        l.accept(transport);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "upgrade listener failed", e);
      }
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
