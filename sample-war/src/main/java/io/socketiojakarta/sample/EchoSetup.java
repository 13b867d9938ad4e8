package io.socketiojakarta.sample;

import io.socketiojakarta.config.EngineMount;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.engine.EngineSession;
import io.socketiojakarta.engine.EngineSessionListener;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.System.Logger.Level;

/**
 * A raw Engine.IO echo at {@code /engine.io/}, mounted when the application starts. Every message
 * comes back to the session that sent it.
 */
@WebListener
public class EchoSetup implements ServletContextListener {
  private static final System.Logger LOG = System.getLogger(EchoSetup.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    EngineMount.install(
        event.getServletContext(),
        EngineOptions.builder().path("/engine.io/").build(),
        session -> {
          LOG.log(Level.INFO, "session {0} opened over {1}", session.id(), session.transportName());
          session.listener(
              new EngineSessionListener() {
                @Override
                public void onMessage(EngineSession s, String text) {
                  s.send(text);
                }

                @Override
                public void onBinary(EngineSession s, byte[] data) {
                  s.send(data);
                }

                @Override
                public void onClose(EngineSession s, String reason, String description) {
                  LOG.log(Level.INFO, "session {0} closed: {1}", s.id(), reason);
                }
              });
        });
  }
}
