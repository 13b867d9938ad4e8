package io.socketiojakarta.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each accepted form of a configuration value, and the reason given for each rejected one. */
class ConfigValuesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "25000, 25000",
    "0, 0",
    "500ms, 500",
    "25s, 25000",
    "25S, 25000",
    "'25 s', 25000",
    "2m, 120000",
    "1h, 3600000",
    "PT25S, 25000",
    "PT0.5S, 500",
    "pt1m, 60000",
    "P1D, 86400000"
  })
  void durations(String text, long millis) {
    assertThat(ConfigValues.duration(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"abc", "-5", "25 seconds", "1.5s", "5d", "PT", "P1X", "s", "99999999999999999999"})
  void notDurations(String text) {
    assertThatThrownBy(() -> ConfigValues.duration(text))
        .isInstanceOf(ConfigValues.InvalidValue.class)
        .hasMessage("is not a duration");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"true, true", "TRUE, true", "False, false", "false, false"})
  void booleans(String text, boolean value) {
    assertThat(ConfigValues.bool(text)).isEqualTo(value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"yes", "1", "on", "t"})
  void notBooleans(String text) {
    assertThatThrownBy(() -> ConfigValues.bool(text))
        .isInstanceOf(ConfigValues.InvalidValue.class)
        .hasMessage("is not a boolean");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"1000000, 1000000", "+5, 5", "-1, -1"})
  void wholeNumbers(String text, long value) {
    assertThat(ConfigValues.longValue(text)).isEqualTo(value);
    assertThat(ConfigValues.intValue(text)).isEqualTo((int) value);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1e6", "1_000", "10kb", "1.0", "ten"})
  void notWholeNumbers(String text) {
    assertThatThrownBy(() -> ConfigValues.longValue(text))
        .isInstanceOf(ConfigValues.InvalidValue.class)
        .hasMessage("is not a whole number");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2147483648", "-2147483649"})
  void intsOutOfRange(String text) {
    assertThatThrownBy(() -> ConfigValues.intValue(text))
        .isInstanceOf(ConfigValues.InvalidValue.class)
        .hasMessage("is out of range");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "polling,websocket | polling;websocket",
        "' polling , websocket ' | polling;websocket",
        "websocket | websocket",
        "a,,b, | a;b"
      })
  void lists(String text, String items) {
    assertThat(ConfigValues.list(text)).isEqualTo(List.of(items.split(";")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"false, -1", "FALSE, -1", "true, 1024", "0, 0", "2048, 2048"})
  void compression(String text, int threshold) {
    assertThat(ConfigValues.compression(text, 1024))
        .isEqualTo(threshold < 0 ? OptionalInt.empty() : OptionalInt.of(threshold));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"gzip", "1kb", "yes"})
  void notCompression(String text) {
    assertThatThrownBy(() -> ConfigValues.compression(text, 1024))
        .isInstanceOf(ConfigValues.InvalidValue.class)
        .hasMessage("is neither a size in bytes nor false");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"false, ''", "true, io", "TRUE, io", "sid, sid"})
  void cookieNames(String text, String name) {
    assertThat(ConfigValues.cookieName(text)).isEqualTo(name.isEmpty() ? null : name);
  }
}
