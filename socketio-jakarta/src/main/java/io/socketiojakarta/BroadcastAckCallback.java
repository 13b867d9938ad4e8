package io.socketiojakarta;

import java.util.List;

/**
 * Receives the acknowledgements of a broadcast: pass it as the last argument of {@code emit} on an
 * operator with a {@code timeout}. Called once, on a handler thread, with one response per client
 * (the arguments each client acknowledged with), and an {@link AckTimeoutException} if some did not
 * answer in time (the responses then hold those received).
 */
@FunctionalInterface
public interface BroadcastAckCallback {
  /** The outcome. */
  void onAcks(Throwable error, List<Args> responses);
}
