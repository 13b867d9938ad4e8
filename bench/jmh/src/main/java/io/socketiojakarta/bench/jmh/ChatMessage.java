package io.socketiojakarta.bench.jmh;

/**
 * The typed payload of the JSON-B benchmarks.
 *
 * @param room the room
 * @param text the message
 * @param at when it was sent, in epoch milliseconds
 */
public record ChatMessage(String room, String text, long at) {}
