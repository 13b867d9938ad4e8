package io.socketiojakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.DisconnectReason;
import io.socketiojakarta.parser.ReservedEvents;
import org.junit.jupiter.api.Test;

/**
 * The public list of reserved event names (refused on emit) and the decoder's (refused on receive)
 * are two copies because the parser may not import the API: they must stay equal.
 */
class ReservedNamesTest {
  @Test
  void emitAndReceiveRefuseTheSameNames() {
    assertThat(DisconnectReason.RESERVED_EVENTS)
        .containsExactlyInAnyOrderElementsOf(ReservedEvents.RESERVED_EVENTS);
  }
}
