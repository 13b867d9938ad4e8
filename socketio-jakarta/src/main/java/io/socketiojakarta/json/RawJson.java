package io.socketiojakarta.json;

/**
 * Already-encoded JSON placed in a tree as is (e.g. a value serialised by JSON-B).
 *
 * @param json valid JSON text
 */
public record RawJson(String json) {}
