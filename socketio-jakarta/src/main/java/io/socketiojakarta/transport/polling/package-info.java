/**
 * The Jakarta Servlet binding: an async servlet that serves Engine.IO HTTP long-polling and hands
 * WebSocket upgrade requests to the WebSocket binding after the engine's checks.
 *
 * <p>No thread is parked per waiting GET: requests run in {@code AsyncContext} with non-blocking
 * {@code ReadListener} / {@code WriteListener} I/O.
 *
 * <p>Layering: may import the engine and {@code jakarta.servlet}; must not import the Socket.IO
 * packages, {@code jakarta.websocket} or the other transport.
 */
package io.socketiojakarta.transport.polling;
