/**
 * The Jakarta WebSocket (JSR-356) binding: a programmatic endpoint per connection, created by a
 * configurator for each upgrade the engine accepted, sending through the async remote with the
 * engine as single writer.
 *
 * <p>Layering: may import the engine and {@code jakarta.websocket}; must not import the Socket.IO
 * packages, {@code jakarta.servlet} or the other transport.
 */
package io.socketiojakarta.transport.websocket;
