package io.socketiojakarta.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the table of a run from its JSON lines (as written by {@link LoadGen}): one row per
 * scenario and figure, one column per server, and the ratio of each java server to node. For rates,
 * higher is better; for latencies ({@code ...Ms}), CPU and memory, lower is better.
 *
 * <pre>{@code
 * java -cp target/classes io.socketiojakarta.bench.Report bench/results/run.jsonl
 * }</pre>
 */
public final class Report {
  private static final Pattern FIELD = Pattern.compile("\"([^\"]+)\":(\"([^\"]*)\"|[^,}]+)");
  private static final Set<String> META =
      Set.of(
          "server",
          "scenario",
          "name",
          "clients",
          "rounds",
          "durationSeconds",
          "mode",
          "rate",
          "inFlight",
          "transport",
          "run",
          "client");

  private Report() {}

  /** {@code args[0]}: a JSON lines file. */
  public static void main(String[] args) throws Exception {
    // name -> server -> figures
    Map<String, Map<String, Map<String, String>>> table = new LinkedHashMap<>();
    Set<String> servers = new LinkedHashSet<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      if (line.isBlank()) {
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      Matcher m = FIELD.matcher(line);
      while (m.find()) {
        fields.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
      }
      String server = fields.getOrDefault("server", "?");
      servers.add(server);
      table
          .computeIfAbsent(fields.getOrDefault("name", "?"), k -> new LinkedHashMap<>())
          .put(server, fields);
    }
    List<String> cols = new ArrayList<>(servers);
    List<String> javas = cols.stream().filter(c -> c.startsWith("java")).toList();
    boolean ratio = !javas.isEmpty() && cols.contains("node");
    StringBuilder header =
        new StringBuilder(String.format(Locale.ROOT, "%-26s %-30s", "scenario", "figure"));
    for (String s : cols) {
      header.append(String.format(Locale.ROOT, " %14s", s));
    }
    if (ratio) {
      for (String j : javas) {
        header.append(
            String.format(Locale.ROOT, " %" + Math.max(10, j.length() + 6) + "s", j + "/node"));
      }
    }
    System.out.println(header);
    System.out.println("-".repeat(header.length()));
    for (Map.Entry<String, Map<String, Map<String, String>>> row : table.entrySet()) {
      Set<String> figures = new LinkedHashSet<>();
      row.getValue().values().forEach(f -> figures.addAll(f.keySet()));
      figures.removeAll(META);
      String label = row.getKey();
      for (String figure : figures) {
        StringBuilder line =
            new StringBuilder(String.format(Locale.ROOT, "%-26s %-30s", label, figure));
        label = "";
        for (String s : cols) {
          Map<String, String> f = row.getValue().get(s);
          line.append(String.format(Locale.ROOT, " %14s", f == null ? "-" : format(f.get(figure))));
        }
        if (ratio) {
          double n = number(row.getValue().get("node"), figure);
          for (String col : javas) {
            double j = number(row.getValue().get(col), figure);
            line.append(
                String.format(
                    Locale.ROOT,
                    " %" + Math.max(10, col.length() + 6) + "s",
                    Double.isNaN(j / n) || n == 0
                        ? "-"
                        : String.format(Locale.ROOT, "%.2f", j / n)));
          }
        }
        System.out.println(line);
      }
    }
    slopes(table, cols);
  }

  private static final Pattern SCALED =
      Pattern.compile("^(echo-\\w+|broadcast-(?:emit|room))-(\\d+)(@\\d+)?$");

  /**
   * Scenario 6, how cost grows: for a scenario run at two client counts (echo at 100 and 1,000,
   * broadcast at 1,000 and 10,000), the server CPU per operation (round trip or delivery) at each
   * count, their ratio (1.00: the cost of an operation does not depend on the clients connected)
   * and the slope in nanoseconds per operation for each 1,000 more clients.
   */
  private static void slopes(
      Map<String, Map<String, Map<String, String>>> table, List<String> cols) {
    // family -> clients -> row
    Map<String, TreeMap<Integer, Map<String, Map<String, String>>>> families =
        new LinkedHashMap<>();
    for (Map.Entry<String, Map<String, Map<String, String>>> row : table.entrySet()) {
      Matcher m = SCALED.matcher(row.getKey());
      if (m.matches()) {
        families
            .computeIfAbsent(m.group(1), k -> new TreeMap<>())
            .put(Integer.parseInt(m.group(2)), row.getValue());
      }
    }
    boolean header = false;
    for (Map.Entry<String, TreeMap<Integer, Map<String, Map<String, String>>>> f :
        families.entrySet()) {
      TreeMap<Integer, Map<String, Map<String, String>>> byClients = f.getValue();
      if (byClients.size() < 2) {
        continue;
      }
      if (!header) {
        System.out.println();
        System.out.println(
            "How cost grows: server CPU per operation (us) at the fewest and the most clients");
        System.out.println(
            String.format(
                Locale.ROOT,
                "%-18s %-11s %8s %9s %8s %9s %8s %12s",
                "scenario",
                "server",
                "clients",
                "us/op",
                "clients",
                "us/op",
                "ratio",
                "ns/op/1000c"));
        header = true;
      }
      int small = byClients.firstKey();
      int large = byClients.lastKey();
      String figure =
          f.getKey().startsWith("echo")
              ? "roundTripsPerServerCpuSecond"
              : "deliveriesPerServerCpuSecond";
      for (String server : cols) {
        double a = 1e6 / number(byClients.get(small).get(server), figure);
        double b = 1e6 / number(byClients.get(large).get(server), figure);
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isInfinite(a) || Double.isInfinite(b)) {
          continue;
        }
        System.out.println(
            String.format(
                Locale.ROOT,
                "%-18s %-11s %8d %9.2f %8d %9.2f %8.2f %12.1f",
                f.getKey(),
                server,
                small,
                a,
                large,
                b,
                b / a,
                (b - a) * 1000 / ((large - small) / 1000.0)));
      }
    }
  }

  private static double number(Map<String, String> fields, String key) {
    if (fields == null || fields.get(key) == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(fields.get(key));
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String format(String value) {
    if (value == null || "null".equals(value)) {
      return "-";
    }
    try {
      double d = Double.parseDouble(value);
      return Math.abs(d) >= 100
          ? String.format(Locale.ROOT, "%.0f", d)
          : String.format(Locale.ROOT, "%.2f", d);
    } catch (NumberFormatException e) {
      return value;
    }
  }
}
