package io.socketiojakarta.core;

import io.socketiojakarta.Event;
import io.socketiojakarta.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** An event another server node sent with {@code serverSideEmit}. */
final class ServerSideEvent extends ArgsView implements Event {
  private final String name;
  private final Payloads payloads;
  private final Optional<Consumer<List<Object>>> ack;
  private final AtomicBoolean acked = new AtomicBoolean();

  ServerSideEvent(
      String name, List<Object> args, Payloads payloads, Optional<Consumer<List<Object>>> ack) {
    super(args, payloads);
    this.name = name;
    this.payloads = payloads;
    this.ack = ack;
  }

  @Override
  public String name() {
    return name;
  }

  /** Not a socket's event: there is no socket. */
  @Override
  public Socket socket() {
    throw new UnsupportedOperationException("a server-side event has no socket");
  }

  @Override
  public boolean wantsAck() {
    return ack.isPresent();
  }

  @Override
  public boolean ack(Object... args) {
    if (ack.isEmpty() || !acked.compareAndSet(false, true)) {
      return false;
    }
    ack.get().accept(payloads.arguments(null, args, args.length));
    return true;
  }

  @Override
  public Optional<Acknowledgement> acknowledgement() {
    return ack.isEmpty() ? Optional.empty() : Optional.of(this::ack);
  }
}
