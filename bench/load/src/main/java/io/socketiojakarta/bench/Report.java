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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the table of a run from its JSON lines (as written by {@link LoadGen}): one row per
 * scenario and figure, one column per server, and the ratio java/node. For rates, higher is better;
 * for latencies ({@code ...Ms}), CPU and memory, lower is better.
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
    boolean ratio = cols.contains("java") && cols.contains("node");
    StringBuilder header =
        new StringBuilder(String.format(Locale.ROOT, "%-26s %-30s", "scenario", "figure"));
    for (String s : cols) {
      header.append(String.format(Locale.ROOT, " %14s", s));
    }
    if (ratio) {
      header.append(String.format(Locale.ROOT, " %10s", "java/node"));
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
          double j = number(row.getValue().get("java"), figure);
          double n = number(row.getValue().get("node"), figure);
          line.append(
              String.format(
                  Locale.ROOT,
                  " %10s",
                  Double.isNaN(j / n) || n == 0 ? "-" : String.format(Locale.ROOT, "%.2f", j / n)));
        }
        System.out.println(line);
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
