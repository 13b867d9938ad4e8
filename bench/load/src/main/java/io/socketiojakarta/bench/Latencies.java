package io.socketiojakarta.bench;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded from any thread; percentiles by sorting a copy. */
final class Latencies {
  private long[] values = new long[1 << 16];
  private int size;

  synchronized void record(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized void reset() {
    size = 0;
  }

  synchronized int count() {
    return size;
  }

  /** The percentile {@code p} (0-100) in milliseconds, NaN when empty. */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * size) - 1;
    return sorted[Math.max(0, Math.min(size - 1, index))] / 1e6;
  }
}
