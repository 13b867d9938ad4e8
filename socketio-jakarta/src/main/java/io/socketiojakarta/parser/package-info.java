/**
 * Socket.IO protocol v5 packet codec, as socket.io-parser 4.2 speaks it: {@link
 * io.socketiojakarta.parser.Packet} and its types, the stateless {@link
 * io.socketiojakarta.parser.PacketEncoder}, the per-connection {@link
 * io.socketiojakarta.parser.PacketDecoder} with its validation and limits, and binary attachments
 * (placeholders in the JSON, one binary message per attachment).
 *
 * <p>Layering: may import the JDK and {@code io.socketiojakarta.json} only; must not import the
 * engine, core, spi, transports, cdi, config nor any container API.
 */
package io.socketiojakarta.parser;
