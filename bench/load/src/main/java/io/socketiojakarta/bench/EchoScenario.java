package io.socketiojakarta.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 3: {@code --clients} clients (100), each with one {@code echo} in flight carrying a
 * 32-byte string, the next sent when the ack arrives. Figures: round trips per second and per
 * server CPU-second, p50/p99 round-trip time.
 */
final class EchoScenario implements LoadGen.Scenario {
  private static final String FRAME = "[\"echo\",\"0123456789abcdef0123456789abcdef\"]";

  private final Bench bench;
  private final int clients;
  private final double duration;
  private final double warmUp;
  private final Latencies latencies = new Latencies();
  private final AtomicLong acks = new AtomicLong();
  private volatile boolean running = true;
  private volatile boolean measuring;
  private List<SioClient> all;

  EchoScenario(Bench bench) {
    this.bench = bench;
    this.clients = bench.integer("clients", 100);
    this.duration = bench.number("duration", 10);
    this.warmUp = bench.number("warmup", 5);
  }

  @Override
  public Map<String, Object> meta() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "echo-" + bench.transport() + "-" + clients);
    m.put("clients", clients);
    m.put("durationSeconds", duration);
    return m;
  }

  @Override
  public void setUp() throws Exception {
    SioClient.Handler handler =
        new SioClient.Handler() {
          @Override
          public void onAck(SioClient client, long id, String frame) {
            long now = System.nanoTime();
            if (measuring) {
              latencies.record(now - client.mark);
              acks.incrementAndGet();
            }
            if (running) {
              client.mark = now;
              client.emitWithAck(FRAME);
            }
          }
        };
    all = bench.connectAll(clients, 200, handler);
    for (SioClient c : all) {
      c.mark = System.nanoTime();
      c.emitWithAck(FRAME);
    }
  }

  @Override
  public Map<String, Double> round(boolean warmUpRound) throws Exception {
    if (warmUpRound) {
      Bench.sleepSeconds(warmUp);
      return Map.of();
    }
    latencies.reset();
    acks.set(0);
    double cpu0 = bench.cpu.serverSeconds();
    long t0 = System.nanoTime();
    measuring = true;
    Bench.sleepSeconds(duration);
    measuring = false;
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpu = bench.cpu.serverSeconds() - cpu0;
    Map<String, Double> r = new LinkedHashMap<>();
    r.put("roundTripsPerSecond", acks.get() / seconds);
    r.put("roundTripsPerServerCpuSecond", acks.get() / cpu);
    r.put("p50Ms", latencies.percentileMillis(50));
    r.put("p99Ms", latencies.percentileMillis(99));
    r.put("serverCpuSeconds", cpu);
    r.put("serverCpuShare", cpu / seconds);
    return r;
  }

  @Override
  public void tearDown() throws Exception {
    running = false;
    Bench.sleepSeconds(0.2);
    if (all != null) {
      Bench.abortAll(all);
    }
  }
}
