package io.socketiojakarta.core;

import io.socketiojakarta.AckCallback;
import io.socketiojakarta.AckTimeoutException;
import io.socketiojakarta.Args;
import io.socketiojakarta.BroadcastOperator;
import io.socketiojakarta.Handshake;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.SocketEmitter;
import io.socketiojakarta.spi.SocketDetails;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A socket of another node, reached through the adapter with a broadcast to its own room
 * (reference: RemoteSocket).
 */
final class RemoteSocketView implements RemoteSocket {
  private final SocketDetails details;
  private final CoreNamespace nsp;
  private final Duration timeout;

  RemoteSocketView(SocketDetails details, CoreNamespace nsp) {
    this(details, nsp, null);
  }

  private RemoteSocketView(SocketDetails details, CoreNamespace nsp, Duration timeout) {
    this.details = details;
    this.nsp = nsp;
    this.timeout = timeout;
  }

  private BroadcastOperator target() {
    BroadcastOperator op = nsp.to(details.id());
    return timeout == null ? op : op.timeout(timeout);
  }

  @Override
  public String id() {
    return details.id();
  }

  @Override
  public Handshake handshake() {
    return details.handshake();
  }

  @Override
  public Set<String> rooms() {
    return details.rooms();
  }

  @Override
  public Map<String, Object> data() {
    return details.data();
  }

  @Override
  public SocketEmitter timeout(Duration value) {
    return new RemoteSocketView(details, nsp, value);
  }

  @Override
  public SocketEmitter compress(boolean compress) {
    return this;
  }

  @Override
  public SocketEmitter asVolatile() {
    return this;
  }

  @Override
  public boolean emit(String event, Object... args) {
    int n = args.length;
    if (n > 0 && args[n - 1] instanceof AckCallback cb) {
      emitWithAck(event, Arrays.copyOf(args, n - 1))
          .whenComplete(
              (r, e) ->
                  cb.onAck(
                      // the documented errors, not the wrapper of a dependent stage
                      e instanceof CompletionException c && c.getCause() != null ? c.getCause() : e,
                      r != null ? r : new ArgsView(java.util.List.of(), nsp.server().payloads())));
      return true;
    }
    return target().emit(event, args);
  }

  @Override
  public CompletableFuture<Args> emitWithAck(String event, Object... args) {
    BroadcastOperator op =
        timeout == null ? nsp.to(details.id()).timeout(Duration.ofDays(1)) : target();
    return op.emitWithAck(event, args)
        .thenApply(
            list -> {
              if (list.isEmpty()) {
                throw new AckTimeoutException();
              }
              return list.get(0);
            });
  }

  @Override
  public boolean send(Object... args) {
    return emit("message", args);
  }

  @Override
  public void join(String... rooms) {
    nsp.to(details.id()).socketsJoin(rooms);
  }

  @Override
  public void leave(String... rooms) {
    nsp.to(details.id()).socketsLeave(rooms);
  }

  @Override
  public void disconnect(boolean close) {
    nsp.to(details.id()).disconnectSockets(close);
  }
}
