package io.socketiojakarta.core;

import io.socketiojakarta.Args;
import io.socketiojakarta.SocketEmitter;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/** A socket's emitter with flags; immutable. */
final class SocketEmitterView implements SocketEmitter {
  private final CoreSocket socket;
  private final Flags flags;

  SocketEmitterView(CoreSocket socket, Flags flags) {
    this.socket = socket;
    this.flags = flags;
  }

  @Override
  public SocketEmitter timeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    return new SocketEmitterView(
        socket, new Flags(flags.volatileFlag(), flags.compress(), timeout));
  }

  @Override
  public SocketEmitter compress(boolean compress) {
    return new SocketEmitterView(
        socket, new Flags(flags.volatileFlag(), compress, flags.timeout()));
  }

  @Override
  public SocketEmitter asVolatile() {
    return new SocketEmitterView(socket, new Flags(true, flags.compress(), flags.timeout()));
  }

  @Override
  public boolean emit(String event, Object... args) {
    return socket.emit(event, args, flags);
  }

  @Override
  public CompletableFuture<Args> emitWithAck(String event, Object... args) {
    return socket.emitWithAck(event, args, flags);
  }

  @Override
  public boolean send(Object... args) {
    return socket.emit("message", args, flags);
  }
}
