package io.socketiojakarta.sample;

import java.util.Optional;
import java.util.regex.Pattern;

/** Validation of the strings clients send. */
final class Checks {
  /** Longest name or room name, after stripping. */
  static final int MAX_NAME = 40;

  /** Longest chat or private message, after stripping. */
  static final int MAX_TEXT = 1000;

  /** Largest shared file, in bytes (512 KiB). */
  static final int MAX_FILE = 512 * 1024;

  /** Longest file name. */
  static final int MAX_FILE_NAME = 200;

  private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]{1,50}/[\\w.+-]{1,50}");

  private Checks() {}

  /** A user or room name: a string, 1 to 40 characters once stripped, no control character. */
  static Optional<String> name(Object value) {
    return stripped(value, MAX_NAME, false);
  }

  /** A file name: a string, 1 to 200 characters once stripped, no control character. */
  static Optional<String> fileName(Object value) {
    return stripped(value, MAX_FILE_NAME, false);
  }

  /** A media type such as {@code image/png}, else {@code application/octet-stream}. */
  static String mediaType(Object value) {
    return value instanceof String s && MEDIA_TYPE.matcher(s).matches()
        ? s
        : "application/octet-stream";
  }

  /** A message: a string, 1 to 1000 characters once stripped; new lines and tabs allowed. */
  static Optional<String> message(Object value) {
    return stripped(value, MAX_TEXT, true);
  }

  private static Optional<String> stripped(Object value, int max, boolean lines) {
    if (!(value instanceof String s)) {
      return Optional.empty();
    }
    String stripped = s.strip();
    if (stripped.isEmpty() || stripped.length() > max) {
      return Optional.empty();
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (Character.isISOControl(c) && !(lines && (c == '\n' || c == '\t'))) {
        return Optional.empty();
      }
    }
    return Optional.of(stripped);
  }
}
