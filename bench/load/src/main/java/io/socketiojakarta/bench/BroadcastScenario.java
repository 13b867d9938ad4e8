package io.socketiojakarta.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scenario 4: {@code --clients} clients (1,000) receive what one of them sends at {@code --rate}
 * messages per second (50): {@code --mode=emit} asks the server for {@code io.emit("broadcast",
 * data)}, {@code --mode=room} for {@code io.to("r").emit("room", data)} after every client joined
 * room {@code r}. Every client, the sender too, gets each message. The data carries the round, a
 * sequence number and the send time, so delivery time is measured on one clock. After sending for
 * {@code --duration} seconds the round waits for the stragglers (at most {@code --drain} seconds).
 * Figures: deliveries per second and per server CPU-second, p50/p99 delivery time, lost deliveries.
 */
final class BroadcastScenario implements LoadGen.Scenario {
  private static final String ROOM = "r";

  private final Bench bench;
  private final int clients;
  private final double rate;
  private final double duration;
  private final double warmUp;
  private final double drain;
  private final boolean room;
  private final Latencies latencies = new Latencies();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong lastDelivery = new AtomicLong();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sender");
            t.setDaemon(true);
            return t;
          });
  private volatile int currentRound = -1;
  private int roundNumber;
  private List<SioClient> all;

  BroadcastScenario(Bench bench) {
    this.bench = bench;
    this.clients = bench.integer("clients", 1_000);
    this.rate = bench.number("rate", 50);
    this.duration = bench.number("duration", 10);
    this.warmUp = bench.number("warmup", 5);
    this.drain = bench.number("drain", 10);
    this.room = "room".equals(bench.string("mode", "emit"));
  }

  @Override
  public Map<String, Object> meta() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", "broadcast-" + (room ? "room" : "emit") + "-" + clients + "@" + (int) rate);
    m.put("mode", room ? "room" : "emit");
    m.put("clients", clients);
    m.put("rate", rate);
    m.put("durationSeconds", duration);
    return m;
  }

  @Override
  public void setUp() throws Exception {
    CountDownLatch joined = new CountDownLatch(room ? clients : 0);
    SioClient.Handler handler =
        new SioClient.Handler() {
          @Override
          public void onEvent(SioClient client, String frame) {
            received(frame);
          }

          @Override
          public void onAck(SioClient client, long id, String frame) {
            joined.countDown();
          }
        };
    all = bench.connectAll(clients, 200, handler);
    if (room) {
      for (SioClient c : all) {
        c.emitWithAck("[\"join\",\"" + ROOM + "\"]");
      }
      if (!joined.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("joins not acknowledged: " + joined.getCount());
      }
    }
  }

  /** {@code 42["broadcast","<round>:<seq>:<nanos>"]} or {@code 42["room","..."]}. */
  private void received(String frame) {
    long now = System.nanoTime();
    int end = frame.lastIndexOf('"');
    int start = frame.lastIndexOf('"', end - 1) + 1;
    int c1 = frame.indexOf(':', start);
    int c2 = frame.indexOf(':', c1 + 1);
    if (start <= 0 || c1 < 0 || c2 < 0 || c2 > end) {
      return;
    }
    if (Integer.parseInt(frame, start, c1, 10) != currentRound) {
      return;
    }
    latencies.record(now - Long.parseLong(frame, c2 + 1, end, 10));
    delivered.incrementAndGet();
    lastDelivery.accumulateAndGet(now, Math::max);
  }

  @Override
  public Map<String, Double> round(boolean warmUpRound) throws Exception {
    int id = roundNumber++;
    latencies.reset();
    delivered.set(0);
    currentRound = id;
    SioClient sender = all.get(0);
    AtomicLong sent = new AtomicLong();
    double cpu0 = bench.cpu.serverSeconds();
    long t0 = System.nanoTime();
    lastDelivery.set(t0);
    ScheduledFuture<?> task =
        timer.scheduleAtFixedRate(
            () -> {
              String data = id + ":" + sent.getAndIncrement() + ":" + System.nanoTime();
              sender.emit(
                  room
                      ? "[\"room\",{\"room\":\"" + ROOM + "\",\"data\":\"" + data + "\"}]"
                      : "[\"broadcast\",\"" + data + "\"]");
            },
            0,
            (long) (1e9 / rate),
            TimeUnit.NANOSECONDS);
    Bench.sleepSeconds(warmUpRound ? warmUp : duration);
    task.cancel(false);
    long sendEnd = System.nanoTime();
    long deadline = sendEnd + (long) (drain * 1e9);
    while (delivered.get() < sent.get() * clients && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    double cpu = bench.cpu.serverSeconds() - cpu0;
    long expected = sent.get() * clients;
    long got = delivered.get();
    double seconds = (Math.max(lastDelivery.get(), sendEnd) - t0) / 1e9;
    Map<String, Double> r = new LinkedHashMap<>();
    r.put("deliveriesPerSecond", got / seconds);
    r.put("deliveriesPerServerCpuSecond", got / cpu);
    r.put("p50Ms", latencies.percentileMillis(50));
    r.put("p99Ms", latencies.percentileMillis(99));
    r.put("sent", (double) sent.get());
    r.put("lost", (double) (expected - got));
    r.put("serverCpuSeconds", cpu);
    r.put("serverCpuShare", cpu / seconds);
    currentRound = -1;
    return r;
  }

  @Override
  public void tearDown() throws Exception {
    timer.shutdownNow();
    if (all != null) {
      Bench.abortAll(all);
    }
  }
}
