/**
 * The composition root: wires the engine to the servlet and WebSocket bindings of a web
 * application. {@link io.socketiojakarta.config.SocketIoInitializer} mounts a server in every
 * application that has the library, configured by {@code web.xml} context parameters, {@link
 * io.socketiojakarta.annotation.SocketIoConfiguration} and {@link
 * io.socketiojakarta.config.SocketIoConfigurer}s; {@link io.socketiojakarta.config.SocketIoMount}
 * and {@link io.socketiojakarta.config.EngineMount} mount servers by hand.
 *
 * <p>Layering: may import everything in this library; nothing imports it.
 */
package io.socketiojakarta.config;
