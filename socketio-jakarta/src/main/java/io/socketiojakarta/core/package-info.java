/**
 * The Socket.IO runtime: the server on top of the engine, one client per Engine.IO session
 * multiplexing namespaces, sockets with their listeners, middlewares and acknowledgements, the
 * immutable broadcast operator, and the per-client ordered dispatch of listeners on a handler pool.
 *
 * <p>Layering: may import the public API, spi, parser, json and engine; must not import the
 * transports, cdi, config or any container API.
 */
package io.socketiojakarta.core;
