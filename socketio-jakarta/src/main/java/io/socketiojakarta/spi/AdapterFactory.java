package io.socketiojakarta.spi;

/** Creates the adapter of each namespace. The default creates an {@link InMemoryAdapter}. */
@FunctionalInterface
public interface AdapterFactory {
  /** The adapter of the namespace described by {@code context}. */
  Adapter create(AdapterContext context);
}
