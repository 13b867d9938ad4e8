/**
 * The public API: {@link io.socketiojakarta.Server}, {@link io.socketiojakarta.Namespace}, {@link
 * io.socketiojakarta.Socket}, {@link io.socketiojakarta.BroadcastOperator}, {@link
 * io.socketiojakarta.RemoteSocket}, the handshake, disconnect reasons, options and exceptions.
 * Names follow the Socket.IO 4.x server API.
 *
 * <p>Layering: may import the JDK only; must not import the internal packages.
 */
package io.socketiojakarta;
