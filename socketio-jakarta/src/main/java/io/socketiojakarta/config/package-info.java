/**
 * The composition root: wires the engine to the servlet and WebSocket bindings of a web
 * application.
 *
 * <p>Layering: may import everything in this library; nothing imports it.
 */
package io.socketiojakarta.config;
