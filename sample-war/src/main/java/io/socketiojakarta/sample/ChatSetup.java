package io.socketiojakarta.sample;

import io.socketiojakarta.ConnectionRefusedException;
import io.socketiojakarta.Server;
import io.socketiojakarta.config.SocketIoConfigurer;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The sample chat on the Socket.IO server the library mounts at {@code /socket.io/} (found by the
 * container as a {@link SocketIoConfigurer} when the application starts). A client connects with a
 * name in its auth object (refused without one), lands in the room {@code lobby}, and its {@code
 * chat} events go to everyone else in the room; the sender gets an acknowledgement.
 */
public class ChatSetup implements SocketIoConfigurer {
  private static final System.Logger LOG = System.getLogger(ChatSetup.class.getName());

  @Override
  public void configure(Server io) {
    io.use(
        (socket, next) -> {
          Object name = socket.handshake().auth().get("name");
          if (!(name instanceof String s) || s.isBlank() || s.length() > 40) {
            next.fail(new ConnectionRefusedException("a name is required", Map.of("max", 40)));
          } else {
            socket.data().put("name", s.strip());
            next.proceed();
          }
        });

    io.onConnection(
        socket -> {
          String name = (String) socket.data().get("name");
          socket.join("lobby");
          io.to("lobby").emit("presence", name + " joined", io.sockets().sockets().size());
          socket.on(
              "chat",
              e -> {
                String text = e.get(0, String.class);
                if (text == null || text.isBlank()) {
                  e.ack("empty");
                  return;
                }
                socket.to("lobby").emit("chat", new ChatMessage(name, text.strip()));
                e.ack("delivered");
              });
          socket.onDisconnect(
              (reason, description) -> {
                LOG.log(Level.INFO, "{0} left: {1}", name, reason);
                io.to("lobby").emit("presence", name + " left", io.sockets().sockets().size());
              });
        });
  }
}
