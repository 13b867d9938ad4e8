package io.socketiojakarta;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether a namespace name that was not declared is accepted, creating a child namespace
 * (the reference's dynamic namespaces with a function).
 */
@FunctionalInterface
public interface NamespaceMatcher {
  /** Whether {@code name} is accepted for a client sending {@code auth}. */
  CompletionStage<Boolean> matches(String name, Map<String, Object> auth);
}
