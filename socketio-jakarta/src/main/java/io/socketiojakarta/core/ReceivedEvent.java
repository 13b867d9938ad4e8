package io.socketiojakarta.core;

import io.socketiojakarta.Event;
import io.socketiojakarta.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** An event received by a socket, with its acknowledgement when the client asked for one. */
final class ReceivedEvent extends ArgsView implements Event {
  private final String name;
  private final CoreSocket socket;
  private final long ackId;
  private final AtomicBoolean acked = new AtomicBoolean();

  ReceivedEvent(String name, List<Object> args, CoreSocket socket, long ackId) {
    super(args, socket.payloads());
    this.name = name;
    this.socket = socket;
    this.ackId = ackId;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Socket socket() {
    return socket;
  }

  @Override
  public boolean wantsAck() {
    return ackId >= 0;
  }

  @Override
  public boolean ack(Object... args) {
    if (ackId < 0 || !acked.compareAndSet(false, true)) {
      return false;
    }
    try {
      socket.sendAck(ackId, args);
    } catch (RuntimeException e) {
      acked.set(false); // arguments that cannot be encoded do not use up the acknowledgement
      throw e;
    }
    return true;
  }

  @Override
  public Optional<Acknowledgement> acknowledgement() {
    return ackId < 0 ? Optional.empty() : Optional.of(this::ack);
  }

  @Override
  public String toString() {
    return "Event[" + name + ", " + size() + " arguments]"; // no recursion into client data
  }
}
