package io.socketiojakarta.json;

import java.lang.reflect.Type;

/**
 * Binds application types to JSON through JSON-B when a JSON-B implementation is present (Yasson in
 * a WAR for Tomcat or Jetty, built into WildFly). Thread-safe.
 */
public interface JsonMapper {
  /** The JSON of an application object. */
  String toJson(Object value);

  /** An application object from JSON. */
  Object fromJson(String json, Type type);
}
