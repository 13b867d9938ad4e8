package io.socketiojakarta.sample;

import io.socketiojakarta.ConnectionRefusedException;
import io.socketiojakarta.Middleware;
import io.socketiojakarta.Next;
import io.socketiojakarta.Socket;
import io.socketiojakarta.annotation.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Admits a client to the chat ({@code /}) only with a name: {@code auth.name}, a string of 1 to 40
 * characters once stripped. Otherwise the client's {@code connect_error} gets the message {@code "a
 * name is required"} and the data {@code {"max":40}}. The stripped name goes to {@code
 * socket.data()}.
 */
@ApplicationScoped
@SocketNamespace("/")
public class NameRequired implements Middleware {
  /** The refusal's message. */
  public static final String REFUSAL = "a name is required";

  @Override
  public void handle(Socket socket, Next next) {
    Checks.name(socket.handshake().auth().get("name"))
        .ifPresentOrElse(
            name -> {
              socket.data().put(Members.NAME, name);
              next.proceed();
            },
            () ->
                next.fail(new ConnectionRefusedException(REFUSAL, Map.of("max", Checks.MAX_NAME))));
  }
}
