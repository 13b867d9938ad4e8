package io.socketiojakarta.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the scenarios share: the server's base URL, a few JDK HTTP clients (one selector thread
 * each, callbacks on a small shared pool) or the NIO links, the CPU meters and the options given on
 * the command line ({@code --name=value}).
 */
final class Bench implements AutoCloseable {
  final String server;
  final URI base;
  final Cpu cpu;
  private final Map<String, String> options;
  private final ExecutorService pool;
  private final List<HttpClient> http = new ArrayList<>();

  /**
   * {@code --client}: WebSocket with {@code nio} (default, {@link NioLinks}) or {@code jdk} ({@link
   * JdkLinks}); long-polling with {@code polling} ({@link NioPollingLinks}) or {@code polling-jdk}
   * ({@link PollingLinks}, the JDK's {@code HttpClient}).
   */
  final String client;

  final SioClient.Connector connector;

  Bench(Map<String, String> options) {
    this.options = options;
    this.server = string("server", "unknown");
    this.base = URI.create(string("url", "http://127.0.0.1:3000").replaceAll("/+$", ""));
    this.cpu = new Cpu(integer("server-pid", 0), number("clk-tck", 100));
    int threads = integer("threads", 2);
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "loadgen-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < integer("http-clients", 4); i++) {
      http.add(HttpClient.newBuilder().executor(pool).version(HttpClient.Version.HTTP_1_1).build());
    }
    this.client = string("client", "nio");
    try {
      this.connector =
          switch (client) {
            case "jdk" -> new JdkLinks(http, base);
            case "polling" -> new NioPollingLinks(base);
            case "polling-jdk" -> new PollingLinks(http, base);
            default -> new NioLinks(base);
          };
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  String string(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  int integer(String name, int fallback) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
  }

  double number(String name, double fallback) {
    return options.containsKey(name) ? Double.parseDouble(options.get(name)) : fallback;
  }

  /**
   * Connects {@code count} clients with at most {@code inFlight} handshakes at a time; fails when
   * one does not connect.
   */
  List<SioClient> connectAll(int count, int inFlight, SioClient.Handler handler)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    List<CompletableFuture<SioClient>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      permits.acquire();
      CompletableFuture<SioClient> f = connect(handler, 3);
      f.whenComplete((c, e) -> permits.release());
      futures.add(f);
    }
    List<SioClient> clients = new ArrayList<>();
    for (CompletableFuture<SioClient> f : futures) {
      clients.add(f.join());
    }
    return Collections.unmodifiableList(clients);
  }

  /** Connects one client, trying again after a failure (the scenario is not a connect test). */
  private CompletableFuture<SioClient> connect(SioClient.Handler handler, int tries) {
    return SioClient.connect(connector, handler)
        .exceptionallyCompose(
            e -> {
              if (tries <= 1) {
                return CompletableFuture.failedFuture(e);
              }
              System.err.println("connect failed, trying again: " + e);
              return connect(handler, tries - 1);
            });
  }

  /** {@code ws} or {@code polling}, for scenario names. */
  String transport() {
    return "polling".equals(client) ? "polling" : "ws";
  }

  static void abortAll(List<SioClient> clients) {
    clients.forEach(SioClient::abort);
  }

  static void sleepSeconds(double seconds) throws InterruptedException {
    TimeUnit.MILLISECONDS.sleep((long) (seconds * 1000));
  }

  @Override
  public void close() throws Exception {
    if (connector instanceof AutoCloseable c) {
      c.close();
    }
    pool.shutdownNow();
  }
}
