package io.socketiojakarta.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Typed payloads through JSON-B (Yasson in the tests), and its absence at run time. */
class JsonbMapperTest {

  /** A record, bound by JSON-B 3. */
  public record Point(int x, int y) {}

  /** A bean with a nested list. */
  public static class Message {
    private String text;
    private List<String> tags;

    public String getText() {
      return text;
    }

    public void setText(String text) {
      this.text = text;
    }

    public List<String> getTags() {
      return tags;
    }

    public void setTags(List<String> tags) {
      this.tags = tags;
    }
  }

  private final JsonMapper mapper = JsonbMapper.detect().orElseThrow();

  @Test
  void recordsGoBothWays() {
    assertThat(mapper.toJson(new Point(1, 2))).isEqualTo("{\"x\":1,\"y\":2}");
    assertThat(mapper.fromJson("{\"x\":3,\"y\":4}", Point.class)).isEqualTo(new Point(3, 4));
  }

  @Test
  void beansGoBothWays() {
    Message m = new Message();
    m.setText("hi");
    m.setTags(List.of("a", "b"));
    assertThat(mapper.toJson(m)).isEqualTo("{\"tags\":[\"a\",\"b\"],\"text\":\"hi\"}");
    Message back = (Message) mapper.fromJson("{\"text\":\"yo\",\"tags\":[\"c\"]}", Message.class);
    assertThat(back.getText()).isEqualTo("yo");
    assertThat(back.getTags()).containsExactly("c");
  }

  @Test
  void outputIsValidForTheTreeReader() throws JsonException {
    assertThat(JsonTree.read(mapper.toJson(new Point(5, 6)), 0, JsonLimits.DEFAULT))
        .isEqualTo(java.util.Map.of("x", 5L, "y", 6L));
  }

  @Test
  void unreadableJsonNamesTheTarget() {
    assertThatThrownBy(() -> mapper.fromJson("{\"x\":", Point.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Point.class.getTypeName());
    assertThatThrownBy(() -> mapper.fromJson("[1]", Point.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Point");
  }

  @Test
  void unwritableValueNamesItsType() {
    Object broken =
        new Object() {
          @SuppressWarnings("unused")
          public String getBoom() {
            throw new IllegalStateException("boom");
          }
        };
    // Yasson logs the half-written output at SEVERE; keep the test log quiet
    Logger yasson = Logger.getLogger("org.eclipse.yasson");
    Level level = yasson.getLevel();
    yasson.setLevel(Level.OFF);
    try {
      assertThatThrownBy(() -> mapper.toJson(broken))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(broken.getClass().getName());
    } finally {
      yasson.setLevel(level);
    }
  }

  @Test
  void wrapsAGivenJsonb() throws Exception {
    try (Jsonb jsonb = jakarta.json.bind.JsonbBuilder.create()) {
      assertThat(new JsonbMapper(jsonb).toJson(List.of(1, "a"))).isEqualTo("[1,\"a\"]");
    }
  }

  @Test
  void emptyWithoutTheJsonbApi() throws Exception {
    assertThat(detectWith(location(JsonbMapper.class))).isEmpty();
  }

  @Test
  void emptyWithTheApiButNoImplementation() throws Exception {
    assertThat(detectWith(location(JsonbMapper.class), location(Jsonb.class))).isEmpty();
  }

  @Test
  void isolatedLoaderFindsAnImplementationWhenOneIsThere() throws Exception {
    Optional<?> found =
        detectWith(
            location(JsonbMapper.class),
            location(Jsonb.class),
            location(jakarta.json.Json.class),
            location(Class.forName("org.eclipse.yasson.JsonBindingProvider")),
            location(Class.forName("org.eclipse.parsson.JsonProviderImpl")));
    assertThat(found).isPresent();
  }

  private static URL location(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  /** Calls detect() in a class loader that sees only the given locations and the JDK. */
  private static Optional<?> detectWith(URL... urls) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(loader);
      Class<?> isolated = loader.loadClass(JsonbMapper.class.getName());
      assertThat(isolated).isNotSameAs(JsonbMapper.class);
      return (Optional<?>) isolated.getMethod("detect").invoke(null);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
