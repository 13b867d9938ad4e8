package io.socketiojakarta.parser;

import java.util.List;

/**
 * A packet in wire form: the text message, then the binary attachments in placeholder order. Sent
 * as one Engine.IO text message followed by one binary message per attachment, with nothing in
 * between.
 *
 * @param text the text message
 * @param attachments binary attachments, empty for a packet without binary
 */
public record EncodedPacket(String text, List<byte[]> attachments) {}
