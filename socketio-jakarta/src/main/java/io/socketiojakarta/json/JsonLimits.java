package io.socketiojakarta.json;

/**
 * Limits applied when reading JSON from the network.
 *
 * @param maxDepth deepest nesting of arrays and objects
 * @param maxNumberLength longest number literal, in characters
 */
public record JsonLimits(int maxDepth, int maxNumberLength) {
  /** Defaults: depth 64, numbers of at most 64 characters. */
  public static final JsonLimits DEFAULT = new JsonLimits(64, 64);
}
