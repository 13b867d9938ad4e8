package io.socketiojakarta.core;

import io.socketiojakarta.AckTimeoutException;
import io.socketiojakarta.Args;
import io.socketiojakarta.BroadcastAckCallback;
import io.socketiojakarta.BroadcastOperator;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.engine.Scheduler.Cancellable;
import io.socketiojakarta.parser.Packet;
import io.socketiojakarta.spi.BroadcastFlags;
import io.socketiojakarta.spi.BroadcastOptions;
import io.socketiojakarta.spi.SocketDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** The immutable broadcast operator (reference: BroadcastOperator). */
final class Operator implements BroadcastOperator {
  private final CoreNamespace nsp;
  private final Set<String> rooms;
  private final Set<String> except;
  private final BroadcastFlags flags;

  Operator(CoreNamespace nsp, Set<String> rooms, Set<String> except, BroadcastFlags flags) {
    this.nsp = nsp;
    this.rooms = rooms;
    this.except = except;
    this.flags = flags;
  }

  private static Set<String> union(Set<String> a, String... more) {
    Set<String> out = new LinkedHashSet<>(a);
    for (String r : more) {
      out.add(Objects.requireNonNull(r, "room"));
    }
    return Set.copyOf(out);
  }

  @Override
  public BroadcastOperator to(String... more) {
    return new Operator(nsp, union(rooms, more), except, flags);
  }

  @Override
  public BroadcastOperator in(String... more) {
    return to(more);
  }

  @Override
  public BroadcastOperator except(String... more) {
    return new Operator(nsp, rooms, union(except, more), flags);
  }

  @Override
  public BroadcastOperator compress(boolean compress) {
    return new Operator(
        nsp,
        rooms,
        except,
        new BroadcastFlags(flags.volatileFlag(), compress, flags.local(), flags.timeout()));
  }

  @Override
  public BroadcastOperator asVolatile() {
    return new Operator(
        nsp,
        rooms,
        except,
        new BroadcastFlags(true, flags.compress(), flags.local(), flags.timeout()));
  }

  @Override
  public BroadcastOperator local() {
    return new Operator(
        nsp,
        rooms,
        except,
        new BroadcastFlags(flags.volatileFlag(), flags.compress(), true, flags.timeout()));
  }

  @Override
  public BroadcastOperator timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return new Operator(
        nsp,
        rooms,
        except,
        new BroadcastFlags(
            flags.volatileFlag(), flags.compress(), flags.local(), Optional.of(timeout)));
  }

  private BroadcastOptions options() {
    return new BroadcastOptions(rooms, except, flags);
  }

  @Override
  public boolean emit(String event, Object... args) {
    Emits.checkName(event);
    int count = args.length;
    if (count > 0 && args[count - 1] instanceof BroadcastAckCallback callback) {
      emitWithAck(event, Arrays.copyOf(args, count - 1), callback::onAcks);
      return true;
    }
    List<Object> data = nsp.server().payloads().arguments(event, args, count);
    BroadcastOptions options = options();
    for (CoreNamespace target : nsp.broadcastTargets()) {
      target.adapter().broadcast(Packet.event(target.name(), data, Packet.NO_ID), options);
    }
    return true;
  }

  @Override
  public CompletableFuture<List<Args>> emitWithAck(String event, Object... args) {
    Emits.checkName(event);
    CompletableFuture<List<Args>> future = new CompletableFuture<>();
    emitWithAck(
        event,
        args,
        (error, responses) -> {
          if (error != null) {
            future.completeExceptionally(error);
          } else {
            future.complete(responses);
          }
        });
    return future;
  }

  /**
   * Reference: BroadcastOperator.emit with an ack: counts clients per node, then responses. {@code
   * done} is application code: it runs on the handler executor, never on the timer thread or the
   * sequence of the client that answered last.
   */
  private void emitWithAck(String event, Object[] args, BiConsumer<Throwable, List<Args>> done) {
    Duration timeout =
        flags
            .timeout()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "a broadcast with acknowledgements needs a timeout(...)"));
    CoreServer server = nsp.server();
    List<Object> data = server.payloads().arguments(event, args, args.length);
    List<CoreNamespace> targets = nsp.broadcastTargets();
    AckCollector collector =
        new AckCollector(
            (error, responses) -> server.runHandler(() -> done.accept(error, responses)),
            server.payloads(),
            targets);
    collector.untrack = server.pendingBroadcast(collector::timedOut);
    collector.timer = server.scheduler().schedule(timeout, collector::timedOut);
    BroadcastOptions options = options();
    try {
      for (CoreNamespace target : targets) {
        target.adapter().serverCount().thenAccept(collector::addExpectedServers);
        target
            .adapter()
            .broadcastWithAck(
                Packet.event(target.name(), data, Packet.NO_ID),
                options,
                collector::clientCount,
                collector.sink);
      }
    } catch (RuntimeException e) {
      // data the encoder refuses: the caller gets the exception, the callback is never called
      collector.abandon();
      throw e;
    }
    collector.allSent(targets.size());
  }

  /** Collects the acknowledgements of one broadcast. */
  private static final class AckCollector {
    private final BiConsumer<Throwable, List<Args>> done;
    private final Payloads payloads;
    private final List<CoreNamespace> targets;
    private final List<Args> responses = new ArrayList<>();

    /** What the sockets are given: identifies this broadcast's pending acknowledgements. */
    final Consumer<List<Object>> sink = this::response;

    private volatile Cancellable timer = Cancellable.NONE;
    private volatile Runnable untrack = () -> {};
    private int expectedServers;
    private int serverReports;
    private int expectedClients;
    private int namespaces = -1;
    private boolean finished;

    AckCollector(
        BiConsumer<Throwable, List<Args>> done, Payloads payloads, List<CoreNamespace> targets) {
      this.done = done;
      this.payloads = payloads;
      this.targets = targets;
    }

    void addExpectedServers(int n) {
      synchronized (this) {
        expectedServers += n;
      }
      check();
    }

    void clientCount(int n) {
      synchronized (this) {
        expectedClients += n;
        serverReports++;
      }
      check();
    }

    void response(List<Object> args) {
      synchronized (this) {
        if (finished) {
          return;
        }
        responses.add(new ArgsView(args, payloads));
      }
      check();
    }

    void allSent(int count) {
      boolean over;
      synchronized (this) {
        namespaces = count;
        over = finished;
      }
      if (over) {
        forgetPending(); // timed out while sending: sockets reached after the sweep forget it too
      } else {
        check();
      }
    }

    /** The broadcast failed before it was sent: no outcome will be reported. */
    void abandon() {
      synchronized (this) {
        finished = true;
      }
      timer.cancel();
      untrack.run();
      forgetPending();
    }

    /** The timeout expired (or the server closed): the sockets that did not answer forget it. */
    void timedOut() {
      List<Args> copy;
      synchronized (this) {
        if (finished) {
          return;
        }
        finished = true;
        copy = List.copyOf(responses);
      }
      timer.cancel();
      untrack.run();
      forgetPending();
      done.accept(new AckTimeoutException(), copy);
    }

    /** Drops the acknowledgements still awaited on this node's sockets: no late answer counts. */
    private void forgetPending() {
      for (CoreNamespace target : targets) {
        for (CoreSocket socket : target.liveSockets().values()) {
          socket.forgetAcks(sink);
        }
      }
    }

    private void check() {
      List<Args> copy;
      synchronized (this) {
        if (finished
            || namespaces < 0
            || serverReports < expectedServers
            || expectedServers < namespaces
            || responses.size() < expectedClients) {
          return;
        }
        finished = true;
        copy = List.copyOf(responses);
      }
      timer.cancel();
      untrack.run();
      done.accept(null, copy);
    }
  }

  @Override
  public boolean send(Object... args) {
    return emit("message", args);
  }

  @Override
  public CompletableFuture<List<RemoteSocket>> fetchSockets() {
    if (nsp.isParent()) {
      throw new UnsupportedOperationException(
          "fetchSockets() is not supported on a parent namespace");
    }
    return nsp.adapter()
        .fetchSockets(options())
        .thenApply(
            details -> {
              List<RemoteSocket> out = new ArrayList<>(details.size());
              for (SocketDetails d : details) {
                CoreSocket local = nsp.liveSockets().get(d.id());
                out.add(local != null ? local : new RemoteSocketView(d, nsp));
              }
              return out;
            });
  }

  @Override
  public void socketsJoin(String... more) {
    Set<String> set = union(Set.of(), more);
    for (CoreNamespace target : nsp.broadcastTargets()) {
      target.adapter().addSockets(options(), set);
    }
  }

  @Override
  public void socketsLeave(String... more) {
    Set<String> set = union(Set.of(), more);
    for (CoreNamespace target : nsp.broadcastTargets()) {
      target.adapter().delSockets(options(), set);
    }
  }

  @Override
  public void disconnectSockets(boolean close) {
    for (CoreNamespace target : nsp.broadcastTargets()) {
      target.adapter().disconnectSockets(options(), close);
    }
  }

  @Override
  public CompletableFuture<Set<String>> allSockets() {
    CompletableFuture<Set<String>> all = CompletableFuture.completedFuture(Set.of());
    for (CoreNamespace target : nsp.broadcastTargets()) {
      all =
          all.thenCombine(
              target.adapter().sockets(options()),
              (a, b) -> {
                Set<String> out = new LinkedHashSet<>(a);
                out.addAll(b);
                return out;
              });
    }
    return all;
  }
}
