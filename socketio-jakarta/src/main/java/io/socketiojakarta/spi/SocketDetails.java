package io.socketiojakarta.spi;

import io.socketiojakarta.Handshake;
import java.util.Map;
import java.util.Set;

/**
 * What {@code fetchSockets} knows of a socket, local or remote.
 *
 * @param id the socket id
 * @param handshake its handshake
 * @param rooms its rooms
 * @param data its application data (a snapshot for a remote socket)
 */
public record SocketDetails(
    String id, Handshake handshake, Set<String> rooms, Map<String, Object> data) {}
