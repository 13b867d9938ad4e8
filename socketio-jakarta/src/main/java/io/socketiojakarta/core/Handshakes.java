package io.socketiojakarta.core;

import io.socketiojakarta.Handshake;
import io.socketiojakarta.engine.EngineRequest;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;

/** Builds {@link Handshake}s from the engine's handshake request. */
final class Handshakes {
  private static final DateTimeFormatter JS_DATE =
      DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx", Locale.ROOT);

  private Handshakes() {}

  static Handshake of(EngineRequest request, Map<String, Object> auth) {
    long now = System.currentTimeMillis();
    ZonedDateTime t =
        ZonedDateTime.ofInstant(java.time.Instant.ofEpochMilli(now), ZoneId.systemDefault());
    String time =
        JS_DATE.format(t) + " (" + t.getZone().getDisplayName(TextStyle.FULL, Locale.ROOT) + ")";
    return new Handshake(
        request.headers(),
        time,
        request.remoteAddress(),
        request.header("origin").isPresent(),
        request.secure(),
        now,
        request.url(),
        request.queryParameters(),
        auth);
  }
}
