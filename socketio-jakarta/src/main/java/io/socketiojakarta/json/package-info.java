/**
 * JSON for the Socket.IO layers: a strict, non-recursive reader and writer of plain JSON trees
 * ({@link io.socketiojakarta.json.JsonTree}) with the output of JavaScript's {@code
 * JSON.stringify}, and application types bound through JSON-B when an implementation is present
 * ({@link io.socketiojakarta.json.JsonbMapper}).
 *
 * <p>Layering: may import the JDK and {@code jakarta.json} / {@code jakarta.json.bind} only; must
 * not import any other package of this library. It is the only package that imports {@code
 * jakarta.json(.bind)}.
 */
package io.socketiojakarta.json;
