package io.socketiojakarta.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scenario 1: a connect storm of {@code --clients} clients (10,000) with {@code --in-flight} (200)
 * handshakes at a time, each timed from the start of the WebSocket handshake to the Socket.IO
 * CONNECT reply. Figures: connections per second and per server CPU-second, p50/p99 connect time,
 * failures, and the server's RSS with every client connected. The clients are dropped after each
 * round.
 */
final class StormScenario implements LoadGen.Scenario {
  private final Bench bench;
  private final int clients;
  private final int inFlight;
  private final double settle;

  StormScenario(Bench bench) {
    this.bench = bench;
    this.clients = bench.integer("clients", 10_000);
    this.inFlight = bench.integer("in-flight", 200);
    this.settle = bench.number("settle", 3);
  }

  @Override
  public Map<String, Object> meta() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "storm-ws-" + clients);
    m.put("clients", clients);
    m.put("inFlight", inFlight);
    return m;
  }

  @Override
  public void setUp() {}

  @Override
  public Map<String, Double> round(boolean warmUp) throws Exception {
    int count = clients; // the warm-up round too: compiled code and threads ready for the rounds
    Latencies latencies = new Latencies();
    List<SioClient> connected = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    Semaphore permits = new Semaphore(inFlight);
    CountDownLatch done = new CountDownLatch(count);
    double cpu0 = bench.cpu.serverSeconds();
    long t0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      permits.acquire();
      long start = System.nanoTime();
      SioClient.connect(bench.connector, null)
          .whenComplete(
              (c, e) -> {
                if (e == null) {
                  latencies.record(System.nanoTime() - start);
                  connected.add(c);
                } else {
                  failures.incrementAndGet();
                }
                permits.release();
                done.countDown();
              });
    }
    boolean finished = done.await(180, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = bench.cpu.serverSeconds() - cpu0;
    double rss = bench.cpu.serverRssBytes();
    synchronized (connected) {
      Bench.abortAll(connected);
    }
    Bench.sleepSeconds(settle);
    int ok = latencies.count();
    Map<String, Double> r = new LinkedHashMap<>();
    r.put("connectionsPerSecond", ok / seconds);
    r.put("connectionsPerServerCpuSecond", ok / cpu);
    r.put("p50Ms", latencies.percentileMillis(50));
    r.put("p99Ms", latencies.percentileMillis(99));
    r.put("failures", (double) (failures.get() + (finished ? 0 : (int) done.getCount())));
    r.put("serverRssMbConnected", rss / (1024 * 1024));
    r.put("serverCpuSeconds", cpu);
    r.put("serverCpuShare", cpu / seconds);
    return r;
  }

  @Override
  public void tearDown() {}
}
