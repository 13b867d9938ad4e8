package io.socketiojakarta.parser;

import io.socketiojakarta.json.JsonLimits;

/**
 * Limits applied while decoding.
 *
 * @param maxAttachments most binary attachments in one packet (the reference: 10)
 * @param json limits of the JSON payload
 */
public record DecoderLimits(int maxAttachments, JsonLimits json) {
  /** The defaults: 10 attachments, {@link JsonLimits#DEFAULT}. */
  public static final DecoderLimits DEFAULT = new DecoderLimits(10, JsonLimits.DEFAULT);
}
