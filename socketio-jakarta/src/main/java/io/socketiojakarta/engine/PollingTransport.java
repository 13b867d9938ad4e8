package io.socketiojakarta.engine;

import java.util.List;

/** Long-polling: the pending GET is the write slot; at most one GET and one POST at a time. */
final class PollingTransport extends Transport {
  /** The GET waiting for packets, if any. */
  PollResponder pending;

  /** Whether a POST body is being received. */
  boolean posting;

  PollingTransport(EngineSession session) {
    super(session);
  }

  @Override
  String name() {
    return EngineOptions.POLLING;
  }

  @Override
  boolean writable() {
    return pending != null;
  }

  @Override
  Runnable take(List<EnginePacket> batch) {
    PollResponder r = pending;
    pending = null;
    return () -> {
      if (!r.respond(batch)) {
        session.requeue(batch); // the GET was gone: nothing accepted is lost
      }
    };
  }

  /** Takes the pending GET, if any, to answer it with a single packet. */
  Runnable answerPending(EnginePacket packet) {
    if (pending == null) {
      return null;
    }
    return take(List.of(packet));
  }

  @Override
  Runnable close(List<EnginePacket> last, boolean clientClosed) {
    if (pending == null) {
      return null;
    }
    return take(clientClosed ? List.of(EnginePacket.NOOP) : last);
  }
}
