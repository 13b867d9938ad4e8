/**
 * CDI integration: finds the observer methods qualified with {@code OnConnection}, {@code
 * OnDisconnect} and {@code OnEvent}, validates them when the application deploys, binds their
 * parameters (JSON-B payloads, socket, event, acknowledgement) and calls them when clients send;
 * makes {@code Server} and {@code Namespace} injectable; registers middleware beans.
 *
 * <p>Layering: may import the public API, the annotations, json and the CDI APIs; not the engine,
 * the parser or the transports. Only loaded where a CDI container is present.
 */
package io.socketiojakarta.cdi;
