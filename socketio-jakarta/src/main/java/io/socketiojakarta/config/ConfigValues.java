package io.socketiojakarta.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the text of one configuration value ({@code web.xml} context parameter or {@link
 * io.socketiojakarta.annotation.SocketIoConfiguration} element). A value that does not parse throws
 * {@link InvalidValue}, whose message completes {@code "<value>" ...}, e.g. {@code is not a
 * duration}.
 */
final class ConfigValues {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h)", Pattern.CASE_INSENSITIVE);

  private ConfigValues() {}

  /** A value that does not parse: the reason and a hint on the accepted forms. */
  static final class InvalidValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** How the value should look, or empty. */
    final String hint;

    InvalidValue(String reason, String hint) {
      super(reason);
      this.hint = hint;
    }
  }

  /**
   * {@code 25000} (milliseconds), a number with a unit ({@code 500ms}, {@code 25s}, {@code 2m},
   * {@code 1h}) or ISO-8601 ({@code PT25S}).
   */
  static Duration duration(String value) {
    InvalidValue invalid =
        new InvalidValue(
            "is not a duration",
            "use milliseconds (\"25000\"), a number with a unit (\"500ms\", \"25s\", \"2m\","
                + " \"1h\") or ISO-8601 (\"PT25S\")");
    try {
      if (value.chars().allMatch(c -> c >= '0' && c <= '9') && !value.isEmpty()) {
        return Duration.ofMillis(Long.parseLong(value));
      }
      Matcher m = DURATION.matcher(value);
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      if (value.startsWith("P") || value.startsWith("p")) {
        return Duration.parse(value);
      }
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw invalid;
    }
    throw invalid;
  }

  /** {@code true} or {@code false}, in any case. */
  static boolean bool(String value) {
    if ("true".equalsIgnoreCase(value)) {
      return true;
    }
    if ("false".equalsIgnoreCase(value)) {
      return false;
    }
    throw new InvalidValue("is not a boolean", "use true or false");
  }

  /** A whole number that fits a {@code long}. */
  static long longValue(String value) {
    if (!INTEGER.matcher(value).matches()) {
      throw new InvalidValue("is not a whole number", "");
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidValue("is out of range", "");
    }
  }

  /** A whole number that fits an {@code int}. */
  static int intValue(String value) {
    long n = longValue(value);
    if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
      throw new InvalidValue("is out of range", "");
    }
    return (int) n;
  }

  /** A comma-separated list; items are trimmed and empty ones dropped. */
  static List<String> list(String value) {
    List<String> items = new ArrayList<>();
    for (String item : value.split(",", -1)) {
      String t = item.strip();
      if (!t.isEmpty()) {
        items.add(t);
      }
    }
    return List.copyOf(items);
  }

  /**
   * The {@code httpCompression} value: a threshold in bytes, {@code true} (the default threshold)
   * or {@code false} (empty: no compression).
   */
  static OptionalInt compression(String value, int defaultThreshold) {
    if ("false".equalsIgnoreCase(value)) {
      return OptionalInt.empty();
    }
    if ("true".equalsIgnoreCase(value)) {
      return OptionalInt.of(defaultThreshold);
    }
    if (!INTEGER.matcher(value).matches()) {
      throw new InvalidValue(
          "is neither a size in bytes nor false", "use a threshold like 1024, true or false");
    }
    return OptionalInt.of(intValue(value));
  }

  /**
   * The {@code cookie} value: {@code false} (none, empty string returned as null), {@code true}
   * (the default name {@code io}) or a cookie name.
   */
  static String cookieName(String value) {
    if ("false".equalsIgnoreCase(value)) {
      return null;
    }
    if ("true".equalsIgnoreCase(value)) {
      return "io";
    }
    return value;
  }
}
