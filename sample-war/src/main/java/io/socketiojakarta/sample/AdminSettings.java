package io.socketiojakarta.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The token of the {@code /admin} namespace: the context parameter {@code sample.adminToken}, read
 * once when the application starts (CDI fires {@code @Initialized(ApplicationScoped.class)} with
 * the {@code ServletContext} in a web application), {@code change-me} when it is absent.
 *
 * <pre>{@code
 * <context-param>
 *   <param-name>sample.adminToken</param-name>
 *   <param-value>a long random secret</param-value>
 * </context-param>
 * }</pre>
 */
@ApplicationScoped
public class AdminSettings {
  /** The context parameter. */
  public static final String TOKEN_PARAMETER = "sample.adminToken";

  /** The token when the parameter is absent: change it. */
  public static final String DEFAULT_TOKEN = "change-me";

  private static final System.Logger LOG = System.getLogger(AdminSettings.class.getName());

  private volatile byte[] token = DEFAULT_TOKEN.getBytes(StandardCharsets.UTF_8);

  void started(@Observes @Initialized(ApplicationScoped.class) ServletContext context) {
    String configured = context.getInitParameter(TOKEN_PARAMETER);
    if (configured == null || configured.isBlank()) {
      LOG.log(
          Level.WARNING,
          "context parameter {0} not set: the admin namespace takes the token \"{1}\"",
          TOKEN_PARAMETER,
          DEFAULT_TOKEN);
    } else {
      token = configured.strip().getBytes(StandardCharsets.UTF_8);
      LOG.log(Level.INFO, "admin token read from context parameter {0}", TOKEN_PARAMETER);
    }
  }

  /** Whether {@code candidate} is the token (compared in constant time). */
  public boolean admits(Object candidate) {
    return candidate instanceof String s
        && MessageDigest.isEqual(token, s.getBytes(StandardCharsets.UTF_8));
  }
}
