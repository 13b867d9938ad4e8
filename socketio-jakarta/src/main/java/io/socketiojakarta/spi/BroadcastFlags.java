package io.socketiojakarta.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * The flags of a broadcast.
 *
 * @param volatileFlag the reference's {@code volatile}: skip clients that cannot take it at once
 * @param compress whether the packet may be compressed
 * @param local only this node
 * @param timeout how long acknowledgements are awaited
 */
public record BroadcastFlags(
    boolean volatileFlag, boolean compress, boolean local, Optional<Duration> timeout) {
  /** No flag set: compressible, cluster-wide, no timeout. */
  public static final BroadcastFlags DEFAULT =
      new BroadcastFlags(false, true, false, Optional.empty());
}
