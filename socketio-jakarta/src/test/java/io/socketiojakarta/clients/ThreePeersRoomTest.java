package io.socketiojakarta.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socketiojakarta.Args;
import io.socketiojakarta.testing.MiniJson;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Three kinds of real peers in one room with acknowledgements: a page in headless Chromium using
 * the client bundle the server itself serves ({@code /socket.io/socket.io.js}, polling upgraded to
 * WebSocket), the npm {@code socket.io-client} in Node (polling) and the Java client (WebSocket).
 * Each joins, says something with an ack, hears the two others, and answers the server's broadcast
 * with an ack collected once per client.
 */
class ThreePeersRoomTest {
  private static final Path DIR = Paths.get("src", "test", "browser").toAbsolutePath();

  @Test
  void browserNodeAndJavaPeersTalkInOneRoomWithAcks() throws Exception {
    Path chromium = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    boolean ci = "true".equals(System.getenv("CI"));
    if (!ci) {
      Assumptions.assumeTrue(NodeRunner.onPath("node").isPresent(), "node not installed");
      Assumptions.assumeTrue(Files.isExecutable(chromium), "chromium not installed");
    }
    npmCi();

    AtomicInteger joined = new AtomicInteger();
    AtomicInteger said = new AtomicInteger();
    List<String> serverHeard = new CopyOnWriteArrayList<>();
    CompletableFuture<List<Args>> rollCall = new CompletableFuture<>();
    try (SocketIoTestServer server =
        SocketIoTestServer.start(
            io ->
                io.onConnection(
                    socket -> {
                      socket.on(
                          "join",
                          e -> {
                            socket.join("room");
                            int n = joined.incrementAndGet();
                            e.ack(n);
                            if (n == 3) {
                              io.to("room").emit("ready");
                            }
                          });
                      socket.on(
                          "say",
                          e -> {
                            String name = e.get(0, String.class);
                            serverHeard.add(name);
                            socket.to("room").emit("said", name, e.get(1));
                            e.ack("ok:" + name);
                            if (said.incrementAndGet() == 3) {
                              io.to("room")
                                  .timeout(Duration.ofSeconds(10))
                                  .emitWithAck("roll-call")
                                  .whenComplete(
                                      (r, err) -> {
                                        if (err != null) {
                                          rollCall.completeExceptionally(err);
                                        } else {
                                          rollCall.complete(r);
                                        }
                                      });
                            }
                          });
                    }))) {
      String base = "http://127.0.0.1:" + server.port();
      JavaPeer java = new JavaPeer(base);
      try {
        Process node =
            new ProcessBuilder(
                    "node", DIR.resolve("three-peers.mjs").toString(), base, chromium.toString())
                .directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String line;
        try {
          assertThat(node.waitFor(30, TimeUnit.SECONDS)).as("node finished").isTrue();
          line = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        } finally {
          node.destroyForcibly();
        }
        Map<String, Object> result = MiniJson.object(line);
        assertThat(result.get("ok")).as(line).isEqualTo(true);
        for (String name : List.of("browser", "node")) {
          @SuppressWarnings("unchecked")
          Map<String, Object> seen = (Map<String, Object>) result.get(name);
          assertThat(seen.get("sayAck")).as(line).isEqualTo("ok:" + name);
          @SuppressWarnings("unchecked")
          List<Object> heard = (List<Object>) seen.get("heard");
          List<String> expected = new ArrayList<>();
          for (String other : List.of("browser", "node", "java")) {
            if (!other.equals(name)) {
              expected.add(other + ":hello from " + other);
            }
          }
          assertThat(heard).as(line).containsExactlyInAnyOrderElementsOf(expected);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> browserSeen = (Map<String, Object>) result.get("browser");
        assertThat(browserSeen.get("transport")).as("browser upgraded").isEqualTo("websocket");

        assertThat(java.done.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(java.sayAck).isEqualTo("ok:java");
        assertThat(java.heard)
            .containsExactlyInAnyOrder("browser:hello from browser", "node:hello from node");
        List<Args> answers = rollCall.get(10, TimeUnit.SECONDS);
        List<Object> names = new ArrayList<>();
        for (Args a : answers) {
          names.add(a.get(0));
        }
        assertThat(names).containsExactlyInAnyOrder("browser", "node", "java");
        assertThat(serverHeard).containsExactlyInAnyOrder("browser", "node", "java");
      } finally {
        java.close();
      }
    }
  }

  /** The Java client's part, over WebSocket. */
  private static final class JavaPeer {
    final io.socket.client.Socket socket;
    final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Boolean> done = new CompletableFuture<>();
    volatile String sayAck;
    volatile boolean called;

    JavaPeer(String base) {
      IO.Options options =
          IO.Options.builder()
              .setForceNew(true)
              .setReconnection(false)
              .setTransports(new String[] {"websocket"})
              .build();
      socket = IO.socket(java.net.URI.create(base), options);
      socket.on(
          io.socket.client.Socket.EVENT_CONNECT,
          a -> socket.emit("join", new Object[] {"java"}, ack -> {}));
      socket.on(
          "ready",
          a ->
              socket.emit(
                  "say",
                  new Object[] {"java", "hello from java"},
                  ack -> {
                    sayAck = String.valueOf(ack[0]);
                    check();
                  }));
      socket.on(
          "said",
          a -> {
            heard.add(a[0] + ":" + a[1]);
            check();
          });
      socket.on(
          "roll-call",
          a -> {
            ((Ack) a[a.length - 1]).call("java");
            called = true;
            check();
          });
      socket.connect();
    }

    void check() {
      if (called && sayAck != null && heard.size() >= 2) {
        done.complete(true);
      }
    }

    void close() {
      socket.close();
    }
  }

  private static void npmCi() throws Exception {
    if (Files.isDirectory(DIR.resolve("node_modules"))) {
      return;
    }
    Process p =
        new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
            .directory(DIR.toFile())
            .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "npm-browser.log"))
            .redirectErrorStream(true)
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    assertThat(p.exitValue()).as("npm ci in %s", DIR).isZero();
  }
}
