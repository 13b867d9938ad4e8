package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.JavaClients.assertTransport;
import static io.socketiojakarta.clients.JavaClients.await;
import static io.socketiojakarta.clients.JavaClients.eventually;
import static io.socketiojakarta.clients.JavaClients.next;
import static io.socketiojakarta.clients.JavaClients.serverSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.Socket;
import io.socketiojakarta.Args;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Application types through JSON-B (Yasson) with the real Java client over polling, WebSocket and
 * polling upgraded to WebSocket: records and POJOs sent by the server arrive as JSON objects, the
 * client's JSON objects and arrays bind to records, POJOs and generic lists.
 */
@Timeout(30)
class SioTypedJavaTest {
  /** A record. */
  public record User(String name, int age) {}

  /** A record with binary components: they travel as attachments, both ways. */
  public record Attachment(String name, byte[] data, java.nio.ByteBuffer thumbnail) {}

  /** A POJO with a nested list of records. */
  public static class Team {
    private String name;
    private List<User> members = new ArrayList<>();

    public Team() {}

    public Team(String name, List<User> members) {
      this.name = name;
      this.members = members;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public List<User> getMembers() {
      return members;
    }

    public void setMembers(List<User> members) {
      this.members = members;
    }
  }

  /** Captures a generic type, like a type token: {@code new TypeOf<List<User>>() {}.type()}. */
  abstract static class TypeOf<T> {
    Type type() {
      return ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
    }
  }

  private static final Type USER_LIST = new TypeOf<List<User>>() {}.type();

  private static final Map<String, io.socketiojakarta.Socket> SOCKETS = new ConcurrentHashMap<>();

  /** What the server's listeners bound, per socket and event. */
  private static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

  private static SocketIoTestServer server;
  private static JavaClients clients;

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            io ->
                io.onConnection(
                    s -> {
                      SOCKETS.put(s.id(), s);
                      s.on(
                          "register",
                          e -> {
                            User user = e.get(0, User.class);
                            BOUND.put(s.id() + "/register", user);
                            e.ack(new User(user.name().toUpperCase(), user.age() + 1));
                          });
                      s.on(
                          "users",
                          e -> {
                            List<User> users = e.get(0, USER_LIST);
                            BOUND.put(s.id() + "/users", users);
                            e.ack(
                                users.size(),
                                users.stream().max(Comparator.comparingInt(User::age)).get());
                          });
                      s.on(
                          "attachment",
                          e -> {
                            Attachment a = e.get(0, Attachment.class);
                            BOUND.put(s.id() + "/attachment", a);
                            byte[] reversed = a.data().clone();
                            for (int i = 0; i < reversed.length / 2; i++) {
                              byte t = reversed[i];
                              reversed[i] = reversed[reversed.length - 1 - i];
                              reversed[reversed.length - 1 - i] = t;
                            }
                            e.ack(
                                new Attachment(
                                    a.name().toUpperCase(), reversed, a.thumbnail().duplicate()));
                          });
                      s.on(
                          "team",
                          e -> {
                            Team team = e.get(0, Team.class);
                            BOUND.put(s.id() + "/team", team);
                            e.ack(team);
                          });
                    }));
    clients = new JavaClients(server.uri("/"));
  }

  @AfterEach
  void closeClients() {
    clients.closeSockets();
    eventually(() -> assertThat(server.io().sockets().sockets()).isEmpty());
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close();
    server.close();
  }

  private static JSONObject user(String name, int age) throws Exception {
    return new JSONObject().put("name", name).put("age", age);
  }

  private static Object[] call(Socket client, String event, Object... args) {
    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    client.emit(event, args, (Ack) answer::complete);
    return await(answer);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void recordsWithBinaryComponentsTravelAsAttachmentsBothWays(String mode) throws Exception {
    Socket client = clients.connect(mode, "/");
    JSONObject sent =
        new JSONObject()
            .put("name", "cat.png")
            .put("data", new byte[] {1, 2, 3, (byte) 255})
            .put("thumbnail", new byte[] {9});
    JSONObject answer = (JSONObject) call(client, "attachment", sent)[0];
    assertThat(answer.getString("name")).isEqualTo("CAT.PNG");
    assertThat((byte[]) answer.get("data")).containsExactly((byte) 255, 3, 2, 1);
    assertThat((byte[]) answer.get("thumbnail")).containsExactly(9);
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);
    Attachment bound = (Attachment) BOUND.get(socket.id() + "/attachment");
    assertThat(bound.data()).containsExactly(1, 2, 3, (byte) 255);
    assertThat(bound.thumbnail().remaining()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void serverSendsRecordsAndPojos(String mode) throws Exception {
    Socket client = clients.connect(mode, "/");
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);
    CompletableFuture<Object[]> received = next(client, "user");

    socket.emit(
        "user",
        new User("ann", 3),
        List.of(new User("bob", 40), new User("cid", 5)),
        new Team("red", List.of(new User("dee", 9))));

    Object[] args = await(received);
    assertThat(args).hasSize(3);
    JSONObject ann = (JSONObject) args[0];
    assertThat(ann.length()).isEqualTo(2);
    assertThat(ann.getString("name")).isEqualTo("ann");
    assertThat(ann.getInt("age")).isEqualTo(3);
    JSONArray list = (JSONArray) args[1];
    assertThat(list.length()).isEqualTo(2);
    assertThat(list.getJSONObject(0).getString("name")).isEqualTo("bob");
    assertThat(list.getJSONObject(1).getInt("age")).isEqualTo(5);
    JSONObject team = (JSONObject) args[2];
    assertThat(team.getString("name")).isEqualTo("red");
    assertThat(team.getJSONArray("members").getJSONObject(0).getString("name")).isEqualTo("dee");
    assertTransport(socket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void clientObjectsBindToRecordsAndPojos(String mode) throws Exception {
    Socket client = clients.connect(mode, "/");
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);

    JSONObject ack = (JSONObject) call(client, "register", user("bob", 7))[0];
    assertThat(BOUND.get(client.id() + "/register")).isEqualTo(new User("bob", 7));
    assertThat(ack.getString("name")).isEqualTo("BOB");
    assertThat(ack.getInt("age")).isEqualTo(8);

    JSONObject teamJson =
        new JSONObject()
            .put("name", "blue")
            .put("members", new JSONArray().put(user("eve", 30)).put(user("fay", 31)));
    JSONObject echoed = (JSONObject) call(client, "team", teamJson)[0];
    Team team = (Team) BOUND.get(client.id() + "/team");
    assertThat(team.getName()).isEqualTo("blue");
    assertThat(team.getMembers()).containsExactly(new User("eve", 30), new User("fay", 31));
    assertThat(echoed.getJSONArray("members").getJSONObject(1).getString("name")).isEqualTo("fay");
    assertTransport(socket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void genericListsAndAcksBind(String mode) throws Exception {
    Socket client = clients.connect(mode, "/");
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);

    JSONArray users = new JSONArray().put(user("gus", 20)).put(user("hal", 60)).put(user("ivy", 1));
    Object[] ack = call(client, "users", users);
    assertThat(BOUND.get(client.id() + "/users"))
        .isEqualTo(List.of(new User("gus", 20), new User("hal", 60), new User("ivy", 1)));
    assertThat(((Number) ack[0]).intValue()).isEqualTo(3);
    assertThat(((JSONObject) ack[1]).getString("name")).isEqualTo("hal");

    // the client's acknowledgement binds too
    client.on(
        "whoareyou",
        args -> {
          try {
            ((Ack) args[args.length - 1]).call(user("jo", 44), new JSONArray().put(user("kim", 2)));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    Args response = await(socket.emitWithAck("whoareyou"));
    assertThat(response.get(0, User.class)).isEqualTo(new User("jo", 44));
    List<User> listed = response.get(1, USER_LIST);
    assertThat(listed).containsExactly(new User("kim", 2));
    assertTransport(socket, mode);
  }
}
