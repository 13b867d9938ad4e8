/**
 * The adapter SPI: how a namespace's rooms and broadcasts are kept and carried, on one node ({@link
 * io.socketiojakarta.spi.InMemoryAdapter}) or across a cluster. An adapter speaks in packets,
 * rooms, socket ids and broadcast options, and reaches the sockets of its node only through {@link
 * io.socketiojakarta.spi.AdapterContext} and {@link io.socketiojakarta.spi.LocalSocket}.
 *
 * <p>Layering: may import the public API and the parser's value types; must not import engine,
 * core, transports, cdi or config.
 */
package io.socketiojakarta.spi;
