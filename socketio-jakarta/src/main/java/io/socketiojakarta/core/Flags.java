package io.socketiojakarta.core;

import java.time.Duration;

/** The flags of a single-socket emit. */
record Flags(boolean volatileFlag, boolean compress, Duration timeout) {
  static final Flags DEFAULT = new Flags(false, true, null);
}
