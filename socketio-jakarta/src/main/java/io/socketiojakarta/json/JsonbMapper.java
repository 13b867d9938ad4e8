package io.socketiojakarta.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link JsonMapper} on JSON-B: the only class of the library that uses {@code jakarta.json.bind}.
 * One {@link Jsonb} instance serves every call (JSON-B instances are thread-safe).
 *
 * <pre>{@code
 * Optional<JsonMapper> mapper = JsonbMapper.detect(); // empty in a WAR without JSON-B
 * }</pre>
 */
public final class JsonbMapper implements JsonMapper {
  private static final System.Logger LOG = System.getLogger(JsonbMapper.class.getName());

  // Only JSON-B's own types appear in signatures and fields, never in catch clauses: a catch of a
  // JSON-B exception would make the verifier load it, and this class would fail to link where
  // JSON-B is missing instead of detect() answering empty.
  private final Jsonb jsonb;

  /**
   * A mapper on the given JSON-B instance (e.g. one built with a custom {@code JsonbConfig}). The
   * caller keeps ownership: closing it is the caller's business.
   */
  public JsonbMapper(Jsonb jsonb) {
    this.jsonb = Objects.requireNonNull(jsonb, "jsonb");
  }

  /**
   * A mapper on the default JSON-B implementation, or empty when the JSON-B API or an
   * implementation is missing at run time (typed payloads are then unavailable). Each call creates
   * a new {@link Jsonb}: call once and keep the mapper.
   */
  public static Optional<JsonMapper> detect() {
    try {
      return Optional.of(new JsonbMapper(JsonbBuilder.create()));
    } catch (LinkageError | RuntimeException missing) {
      LOG.log(
          System.Logger.Level.DEBUG, "JSON-B not available, typed payloads disabled: {0}", missing);
      return Optional.empty();
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when JSON-B cannot serialise the value
   */
  @Override
  public String toJson(Object value) {
    try {
      return jsonb.toJson(value);
    } catch (RuntimeException e) {
      String type = value == null ? "null" : value.getClass().getName();
      throw new IllegalArgumentException("cannot write " + type + " as JSON", e);
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the JSON does not bind to {@code type}
   */
  @Override
  public Object fromJson(String json, Type type) {
    try {
      return jsonb.fromJson(json, type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot read JSON as " + type.getTypeName(), e);
    }
  }
}
