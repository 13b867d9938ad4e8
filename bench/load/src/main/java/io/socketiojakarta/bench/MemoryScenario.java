package io.socketiojakarta.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 2: idle memory. One probe client asks the server for its heap after a full GC (the
 * benchmark-only {@code memory} event, acknowledged with the bytes in use) and the server's RSS is
 * read from /proc, first with the probe alone, then with {@code --steps} idle clients connected
 * (1,000, 5,000, 10,000). Figures per step: heap and RSS, and both per connected client above the
 * probe-alone baseline, and the marginal cost of a client between the last two steps (what one more
 * client costs once the server's threads and compiled code have grown). The clients are dropped
 * after each round.
 */
final class MemoryScenario implements LoadGen.Scenario {
  private final Bench bench;
  private final int[] steps;
  private final double settle;
  private SioClient probe;
  private volatile CompletableFuture<Long> answer;

  MemoryScenario(Bench bench) {
    this.bench = bench;
    String[] parts = bench.string("steps", "1000,5000,10000").split(",");
    this.steps = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      steps[i] = Integer.parseInt(parts[i].trim());
    }
    this.settle = bench.number("settle", 3);
  }

  @Override
  public Map<String, Object> meta() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "memory-ws-" + steps[steps.length - 1]);
    m.put("clients", steps[steps.length - 1]);
    return m;
  }

  @Override
  public void setUp() throws Exception {
    SioClient.Handler handler =
        new SioClient.Handler() {
          @Override
          public void onAck(SioClient client, long id, String frame) {
            String n = frame.substring(frame.indexOf('[') + 1, frame.lastIndexOf(']'));
            answer.complete((long) Double.parseDouble(n));
          }
        };
    probe = bench.connectAll(1, 1, handler).get(0);
  }

  /** The server's heap in use after a full GC, in bytes. */
  private double heap() throws Exception {
    answer = new CompletableFuture<>();
    probe.emitWithAck("[\"memory\"]");
    return answer.get(60, TimeUnit.SECONDS);
  }

  @Override
  public Map<String, Double> round(boolean warmUp) throws Exception {
    Bench.sleepSeconds(settle);
    double heap0 = heap();
    double rss0 = bench.cpu.serverRssBytes();
    Map<String, Double> r = new LinkedHashMap<>();
    r.put("heapMbBase", heap0 / (1 << 20));
    r.put("rssMbBase", rss0 / (1 << 20));
    List<SioClient> idle = new ArrayList<>();
    double heapBefore = heap0;
    double rssBefore = rss0;
    int before = 0;
    try {
      for (int step : warmUp ? new int[] {steps[0]} : steps) {
        idle.addAll(bench.connectAll(step - idle.size(), 200, null));
        Bench.sleepSeconds(settle);
        double heap = heap();
        double rss = bench.cpu.serverRssBytes();
        r.put("heapMbAt" + step, heap / (1 << 20));
        r.put("heapKbPerClientAt" + step, (heap - heap0) / step / 1024);
        r.put("rssMbAt" + step, rss / (1 << 20));
        r.put("rssKbPerClientAt" + step, (rss - rss0) / step / 1024);
        if (before > 0 && step == steps[steps.length - 1]) {
          // the cost of one more client, without what the first ones paid once (threads, JIT)
          r.put("heapKbPerClientMarginal", (heap - heapBefore) / (step - before) / 1024);
          r.put("rssKbPerClientMarginal", (rss - rssBefore) / (step - before) / 1024);
        }
        heapBefore = heap;
        rssBefore = rss;
        before = step;
      }
    } finally {
      Bench.abortAll(idle);
    }
    return r;
  }

  @Override
  public void tearDown() {
    if (probe != null) {
      probe.abort();
    }
  }
}
