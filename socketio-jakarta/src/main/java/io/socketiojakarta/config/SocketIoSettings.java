package io.socketiojakarta.config;

import io.socketiojakarta.annotation.SocketIoConfiguration;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The configuration written in the application: the {@link SocketIoConfiguration} on one of its
 * classes, overridden by the {@code socketio.*} context parameters of {@code web.xml}. Every value
 * is checked (also one that is overridden), and then the options they make together, before
 * anything is mounted; each problem is reported with the parameter, the value and where it was
 * written.
 */
final class SocketIoSettings {
  /** Where a context parameter comes from, in messages. */
  static final String WEB_XML = "web.xml context parameter";

  /** One value and where it was written. */
  record Setting(ConfigParameter parameter, String value, String source) {}

  private final OptionsDraft draft;
  private final Map<ConfigParameter, Setting> effective;

  private SocketIoSettings(OptionsDraft draft, Map<ConfigParameter, Setting> effective) {
    this.draft = draft;
    this.effective = effective;
  }

  /** Whether a server is to be mounted ({@code socketio.enabled}, true by default). */
  boolean enabled() {
    return draft.enabled;
  }

  /** The options so far, builders ready for the configurers. */
  OptionsDraft draft() {
    return draft;
  }

  /** The value in force for a parameter, if it was written anywhere. */
  Optional<Setting> setting(ConfigParameter parameter) {
    return Optional.ofNullable(effective.get(parameter));
  }

  /**
   * Reads and checks the configuration.
   *
   * @param classes the classes the container found for the initializer; those carrying {@link
   *     SocketIoConfiguration} (at most one) are read
   * @param contextParameters the context's init parameters; those named {@code socketio.*} are read
   * @throws ServletException naming every problem, one per line
   */
  static SocketIoSettings resolve(
      Collection<Class<?>> classes, Map<String, String> contextParameters) throws ServletException {
    List<String> errors = new ArrayList<>();
    List<Setting> settings = new ArrayList<>();
    fromAnnotation(classes, settings, errors);
    fromContext(contextParameters, settings, errors);

    OptionsDraft draft = new OptionsDraft();
    Map<ConfigParameter, Setting> effective = new EnumMap<>(ConfigParameter.class);
    for (Setting s : settings) {
      try {
        s.parameter().apply(draft, s.value());
      } catch (ConfigValues.InvalidValue e) {
        errors.add(message(s, e.getMessage(), e.hint));
      } catch (IllegalArgumentException e) {
        errors.add(message(s, "is invalid: " + e.getMessage(), ""));
      }
      effective.put(s.parameter(), s); // the later source wins
    }
    fail(errors);
    try {
      draft.check();
    } catch (IllegalArgumentException e) {
      fail(List.of(blame(effective, e)));
    }
    return new SocketIoSettings(draft, effective);
  }

  private static void fromAnnotation(
      Collection<Class<?>> classes, List<Setting> settings, List<String> errors) {
    List<Class<?>> annotated =
        classes.stream()
            .filter(c -> c.getDeclaredAnnotation(SocketIoConfiguration.class) != null)
            .sorted(Comparator.comparing(Class::getName))
            .collect(Collectors.toList());
    if (annotated.size() > 1) {
      errors.add(
          "@SocketIoConfiguration is on more than one class: "
              + annotated.stream().map(Class::getName).collect(Collectors.joining(" and "))
              + "; keep it on one class only");
      return;
    }
    for (Class<?> c : annotated) {
      SocketIoConfiguration annotation = c.getDeclaredAnnotation(SocketIoConfiguration.class);
      String source = "@SocketIoConfiguration on class " + c.getName();
      for (ConfigParameter p : ConfigParameter.values()) {
        String value = p.valueIn(annotation).strip();
        if (!value.isEmpty()) {
          settings.add(new Setting(p, value, source));
        }
      }
    }
  }

  private static void fromContext(
      Map<String, String> contextParameters, List<Setting> settings, List<String> errors) {
    for (Map.Entry<String, String> e : new TreeMap<>(contextParameters).entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(ConfigParameter.PREFIX)) {
        continue;
      }
      String value = e.getValue() == null ? "" : e.getValue().strip();
      Optional<ConfigParameter> parameter = ConfigParameter.byParamName(name);
      if (parameter.isEmpty()) {
        errors.add(
            name
                + ": \""
                + value
                + "\" is not a known parameter ("
                + WEB_XML
                + "); known: "
                + Stream.of(ConfigParameter.values())
                    .map(ConfigParameter::paramName)
                    .collect(Collectors.joining(", ")));
      } else if (!value.isEmpty()) {
        settings.add(new Setting(parameter.get(), value, WEB_XML));
      }
    }
  }

  /**
   * The value that made the options invalid: the values in force are applied again one at a time
   * and the options checked after each; the first one that fails them is to blame (for a
   * combination, such as {@code corsOrigins=*} with {@code corsCredentials=true}, the later one).
   */
  private static String blame(Map<ConfigParameter, Setting> effective, IllegalArgumentException e) {
    OptionsDraft replay = new OptionsDraft();
    for (Setting s : effective.values()) {
      s.parameter().apply(replay, s.value());
      try {
        replay.check();
      } catch (IllegalArgumentException culprit) {
        return message(s, "is invalid: " + culprit.getMessage(), "");
      }
    }
    return "socketio: invalid options: " + e.getMessage();
  }

  /** {@code socketio.<name>: "<value>" <reason> (<source>)[; <hint>]}. */
  static String message(Setting s, String reason, String hint) {
    String m =
        s.parameter().paramName() + ": \"" + s.value() + "\" " + reason + " (" + s.source() + ")";
    return hint.isEmpty() ? m : m + "; " + hint;
  }

  private static void fail(List<String> errors) throws ServletException {
    if (errors.size() == 1) {
      throw new ServletException(errors.get(0));
    }
    if (!errors.isEmpty()) {
      throw new ServletException(
          "socketio: "
              + errors.size()
              + " configuration errors:\n  "
              + String.join("\n  ", errors));
    }
  }
}
