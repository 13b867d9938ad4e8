package io.socketiojakarta.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load generator: runs one scenario against one server and prints one JSON line with the
 * medians of its rounds (each round after a warm-up). Run by {@code bench/run}, pinned to its own
 * core.
 *
 * <pre>{@code
 * java -cp target/classes:target/lib/* io.socketiojakarta.bench.LoadGen \
 *     --server=java --url=http://127.0.0.1:3000 --server-pid=1234 --scenario=echo --clients=100
 * }</pre>
 *
 * <p>Scenarios: {@code echo} (one ack in flight per client), {@code storm} (connect storm), {@code
 * broadcast} ({@code --mode=emit|room}, one sender at {@code --rate} messages per second), {@code
 * memory} (idle memory per client).
 */
public final class LoadGen {
  private LoadGen() {}

  /** One measured round: named figures. */
  interface Scenario {
    /** Fixed facts of the run (clients, rate...). */
    Map<String, Object> meta();

    /** Prepares the clients. */
    void setUp() throws Exception;

    /** Runs a round; a warm-up round's figures are dropped. */
    Map<String, Double> round(boolean warmUp) throws Exception;

    /** Closes the clients. */
    void tearDown() throws Exception;
  }

  /** {@code --name=value} options. */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = new LinkedHashMap<>();
    for (String a : args) {
      int eq = a.indexOf('=');
      if (!a.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value: " + a);
      }
      options.put(a.substring(2, eq), a.substring(eq + 1));
    }
    try (Bench bench = new Bench(options)) {
      String name = bench.string("scenario", "echo");
      Scenario scenario =
          switch (name) {
            case "echo" -> new EchoScenario(bench);
            case "storm" -> new StormScenario(bench);
            case "broadcast" -> new BroadcastScenario(bench);
            case "memory" -> new MemoryScenario(bench);
            default -> throw new IllegalArgumentException("unknown scenario " + name);
          };
      int rounds = bench.integer("rounds", 3);
      scenario.setUp();
      List<Map<String, Double>> results = new ArrayList<>();
      try {
        if (bench.integer("warmup-rounds", 1) > 0) {
          scenario.round(true);
        }
        for (int i = 0; i < rounds; i++) {
          double self0 = Cpu.selfSeconds();
          Map<String, Double> r = new LinkedHashMap<>(scenario.round(false));
          r.put("loadgenCpuSeconds", Cpu.selfSeconds() - self0);
          results.add(r);
          System.err.println(name + " round " + (i + 1) + ": " + r);
        }
      } finally {
        scenario.tearDown();
      }
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("server", bench.server);
      line.put("scenario", name);
      line.put("client", bench.client);
      line.putAll(scenario.meta());
      line.put("rounds", rounds);
      line.putAll(medians(results));
      System.out.println(json(line));
    }
  }

  static Map<String, Double> medians(List<Map<String, Double>> rounds) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (rounds.isEmpty()) {
      return out;
    }
    for (String key : rounds.get(0).keySet()) {
      double[] v = rounds.stream().mapToDouble(r -> r.getOrDefault(key, Double.NaN)).toArray();
      java.util.Arrays.sort(v);
      int n = v.length;
      out.put(key, n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
    }
    return out;
  }

  static String json(Map<String, Object> map) {
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, Object> e : map.entrySet()) {
      if (sb.length() > 1) {
        sb.append(',');
      }
      sb.append('"').append(e.getKey()).append("\":");
      Object v = e.getValue();
      if (v instanceof Double d) {
        sb.append(d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.4f", d));
      } else if (v instanceof Number) {
        sb.append(v);
      } else {
        sb.append('"').append(String.valueOf(v).replace("\"", "'")).append('"');
      }
    }
    return sb.append('}').toString();
  }
}
