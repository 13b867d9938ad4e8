package io.socketiojakarta.clients;

import static org.assertj.core.api.Assertions.fail;

import io.socketiojakarta.testing.MiniJson;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs Node scripts of {@code src/test/node} as bounded child processes. Tests that need Node call
 * {@link #requireNode()} first: without {@code node} on the PATH they are skipped, and the npm
 * dependencies are installed once ({@code npm ci}) when {@code node_modules} is missing. Scripts of
 * another folder with its own {@code package.json} run through {@link #run(Path, String, List,
 * Duration)}.
 */
public final class NodeRunner {
  /** Bound of {@code npm ci}. */
  private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);

  private static final Object INSTALL_LOCK = new Object();
  private static final Set<Path> INSTALLED = ConcurrentHashMap.newKeySet();

  private NodeRunner() {}

  /** The folder with package.json: system property {@code node.tests.dir}, else src/test/node. */
  public static Path nodeDir() {
    String dir = System.getProperty("node.tests.dir");
    return (dir == null || dir.isBlank() ? Paths.get("src", "test", "node") : Paths.get(dir))
        .toAbsolutePath();
  }

  /**
   * Skips the calling test when Node is not installed (fails instead in CI, where a skipped client
   * suite would go unnoticed); installs node_modules when missing.
   */
  public static void requireNode() {
    requireNode(nodeDir());
  }

  /**
   * As {@link #requireNode()} for the scripts of {@code dir}, a folder with its own package.json
   * and package-lock.json.
   */
  public static void requireNode(Path dir) {
    Optional<Path> node = onPath("node");
    if ("true".equals(System.getenv("CI")) && node.isEmpty()) {
      fail("node is not installed, and CI must run the client tests");
    }
    Assumptions.assumeTrue(node.isPresent(), "node not installed");
    synchronized (INSTALL_LOCK) {
      Path folder = dir.toAbsolutePath().normalize();
      if (INSTALLED.contains(folder) || upToDate(folder)) {
        INSTALLED.add(folder);
        return;
      }
      Path npm =
          onPath("npm").orElseThrow(() -> new AssertionError("node is installed but npm is not"));
      Result r =
          exec(folder, List.of(npm.toString(), "ci", "--no-audit", "--no-fund"), NPM_TIMEOUT);
      if (r.exitCode() != 0) {
        fail(
            "npm ci failed in %s (exit %d)%nstdout:%n%s%nstderr:%n%s",
            folder, r.exitCode(), r.stdout(), r.stderr());
      }
      INSTALLED.add(folder);
    }
  }

  /**
   * Whether {@code node_modules} holds every direct dependency at the version package-lock.json
   * pins (an install left by an older lock file is stale).
   */
  @SuppressWarnings("unchecked")
  private static boolean upToDate(Path dir) {
    Path modules = dir.resolve("node_modules");
    if (!Files.isDirectory(modules)) {
      return false;
    }
    try {
      Map<String, Object> pkg = MiniJson.object(read(dir.resolve("package.json")));
      Map<String, Object> lock = MiniJson.object(read(dir.resolve("package-lock.json")));
      Map<String, Object> locked = (Map<String, Object>) lock.get("packages");
      Map<String, Object> deps = (Map<String, Object>) pkg.getOrDefault("dependencies", Map.of());
      for (String name : deps.keySet()) {
        Path installedJson = modules.resolve(name).resolve("package.json");
        Object entry = locked.get("node_modules/" + name);
        if (!Files.isRegularFile(installedJson) || !(entry instanceof Map<?, ?> e)) {
          return false;
        }
        Object version = MiniJson.object(read(installedJson)).get("version");
        if (!e.get("version").equals(version)) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Runs {@code eio-scenario.mjs} (the engine.io-client) and returns its JSON line. Fails the test
   * when the process overran {@code timeout} (it is then destroyed) or printed no JSON line.
   */
  public static Scenario eioScenario(
      URI base, String mode, String scenario, String paramsJson, Duration timeout) {
    return scenario("eio-scenario.mjs", base, mode, scenario, paramsJson, timeout);
  }

  /**
   * Runs {@code sio-scenario.mjs} (the socket.io-client; {@code base} is the server's URL with its
   * path, e.g. {@code http://127.0.0.1:8080/socket.io/}) and returns its JSON line. Fails the test
   * when the process overran {@code timeout} (it is then destroyed) or printed no JSON line.
   */
  public static Scenario sioScenario(
      URI base, String mode, String scenario, String paramsJson, Duration timeout) {
    return scenario("sio-scenario.mjs", base, mode, scenario, paramsJson, timeout);
  }

  private static Scenario scenario(
      String script, URI base, String mode, String scenario, String paramsJson, Duration timeout) {
    List<String> args = new ArrayList<>(List.of(base.toString(), mode, scenario));
    if (paramsJson != null) {
      args.add(paramsJson);
    }
    return run(nodeDir(), script, args, timeout);
  }

  /**
   * Runs {@code node <script> <args...>} in {@code dir} (installing its npm dependencies first, see
   * {@link #requireNode(Path)}) and returns the last JSON object line it printed. Fails the test
   * when the process overran {@code timeout} (it is then destroyed) or printed no such line.
   */
  public static Scenario run(Path dir, String script, List<String> args, Duration timeout) {
    requireNode(dir);
    List<String> cmd = new ArrayList<>(List.of(onPath("node").orElseThrow().toString(), script));
    cmd.addAll(args);
    Result r = exec(dir.toAbsolutePath().normalize(), cmd, timeout);
    String line =
        r.stdout().lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElse(null);
    if (line == null) {
      fail(
          "%s printed no JSON line (exit %d)%nstdout:%n%s%nstderr:%n%s",
          cmd, r.exitCode(), r.stdout(), r.stderr());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> json = (Map<String, Object>) MiniJson.parse(line);
    return new Scenario(r.exitCode(), line, r.stderr(), json);
  }

  /** What a scenario printed. */
  public record Scenario(int exitCode, String line, String stderr, Map<String, Object> json) {
    /** A value of the JSON line. */
    public Object get(String key) {
      return json.get(key);
    }

    /** A string value. */
    public String string(String key) {
      return (String) json.get(key);
    }

    /** A number as long. */
    public long number(String key) {
      Object v = json.get(key);
      if (!(v instanceof Number n)) {
        throw new AssertionError("no number " + key + " in " + line);
      }
      return n.longValue();
    }

    /** A list value. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
      Object v = json.get(key);
      if (!(v instanceof List<?>)) {
        throw new AssertionError("no list " + key + " in " + line);
      }
      return (List<Object>) v;
    }

    /** An object value. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String key) {
      Object v = json.get(key);
      if (!(v instanceof Map<?, ?>)) {
        throw new AssertionError("no object " + key + " in " + line);
      }
      return (Map<String, Object>) v;
    }

    /** Whether the script reported success and exited 0. */
    public boolean ok() {
      return Boolean.TRUE.equals(json.get("ok")) && exitCode == 0;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ": " + line + (stderr.isBlank() ? "" : "\nstderr:\n" + stderr);
    }
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  /** Runs a command in a folder; destroys it forcibly when it overruns and fails the test. */
  private static Result exec(Path dir, List<String> cmd, Duration timeout) {
    Path out = null;
    Path err = null;
    Process p = null;
    try {
      out = Files.createTempFile("node-out", ".txt");
      err = Files.createTempFile("node-err", ".txt");
      p =
          new ProcessBuilder(cmd)
              .directory(dir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      p.getOutputStream().close(); // no input
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
        fail(
            "%s did not end within %s and was killed%nstdout:%n%s%nstderr:%n%s",
            cmd, timeout, read(out), read(err));
      }
      return new Result(p.exitValue(), read(out), read(err));
    } catch (IOException e) {
      throw new AssertionError("could not run " + cmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + cmd, e);
    } finally {
      if (p != null && p.isAlive()) {
        p.destroyForcibly();
      }
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temp file
      }
    }
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase().contains("win");
  }

  /** An executable of that name on the PATH (with Windows' extensions), if any. */
  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    List<String> names = isWindows() ? List.of(name + ".exe", name + ".cmd", name) : List.of(name);
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) {
        continue;
      }
      for (String n : names) {
        Path candidate = Paths.get(dir, n);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
