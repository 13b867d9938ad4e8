/**
 * Engine.IO protocol v4, independent of any container API and of Socket.IO.
 *
 * <p>Packets and their codecs, the handshake checks and error codes 0-5, session ids, the session
 * state machine with heartbeat and upgrade, and the single-writer outbound queue. The container
 * bindings in {@code transport.polling} and {@code transport.websocket} turn container I/O into
 * calls on {@link io.socketiojakarta.engine.Engine} and its sessions.
 *
 * <p>Layering: may import the JDK only; must not import any other package of this library nor any
 * {@code jakarta.*} API.
 */
package io.socketiojakarta.engine;
