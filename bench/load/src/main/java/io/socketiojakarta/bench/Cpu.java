package io.socketiojakarta.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of the server process (from /proc) and of this load generator. */
final class Cpu {
  private final long serverPid;
  private final double clockTicks;

  Cpu(long serverPid, double clockTicks) {
    this.serverPid = serverPid;
    this.clockTicks = clockTicks;
  }

  /** utime + stime of the server process in seconds; NaN without a PID or without /proc. */
  double serverSeconds() {
    if (serverPid <= 0) {
      return Double.NaN;
    }
    try {
      String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
      // fields after the command name, which is in parentheses and may contain spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state): utime is field 14, stime field 15
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / clockTicks;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Resident set size of the server process in bytes; NaN when unknown. */
  double serverRssBytes() {
    if (serverPid <= 0) {
      return Double.NaN;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + serverPid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown
    }
    return Double.NaN;
  }

  /** CPU time of this process in seconds. */
  static double selfSeconds() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }
}
