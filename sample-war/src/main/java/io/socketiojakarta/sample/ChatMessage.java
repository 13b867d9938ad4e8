package io.socketiojakarta.sample;

/**
 * A chat line, bound from and to JSON with JSON-B.
 *
 * @param name the author
 * @param text the message
 */
public record ChatMessage(String name, String text) {}
