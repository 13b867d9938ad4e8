package io.socketiojakarta.sample;

import io.socketiojakarta.ConnectionRefusedException;
import io.socketiojakarta.Middleware;
import io.socketiojakarta.Next;
import io.socketiojakarta.Socket;
import io.socketiojakarta.annotation.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Admits a client to {@code /admin} only with {@code auth.token} equal to the configured token
 * ({@link AdminSettings}); otherwise its {@code connect_error} gets {@code "invalid token"}.
 */
@ApplicationScoped
@SocketNamespace(Admin.NAMESPACE)
public class AdminGuard implements Middleware {
  /** The refusal's message. */
  public static final String REFUSAL = "invalid token";

  @Inject AdminSettings settings;

  @Override
  public void handle(Socket socket, Next next) {
    if (settings.admits(socket.handshake().auth().get("token"))) {
      next.proceed();
    } else {
      next.fail(new ConnectionRefusedException(REFUSAL));
    }
  }
}
