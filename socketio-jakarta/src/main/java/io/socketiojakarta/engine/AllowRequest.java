package io.socketiojakarta.engine;

import java.util.concurrent.CompletionStage;

/**
 * A gate for handshakes (requests without {@code sid}), the reference's {@code allowRequest}
 * option. Called on a container thread for every handshake over polling or WebSocket; it may answer
 * later by completing the stage. A refusal becomes HTTP 403 {@code
 * {"code":4,"message":"Forbidden"}} over polling and an HTTP 400 upgrade refusal over WebSocket.
 *
 * <pre>{@code
 * AllowRequest gate = req -> CompletableFuture.completedFuture(
 *     req.header("origin").filter(trusted::contains).isPresent()
 *         ? HandshakeDecision.allow() : HandshakeDecision.refuse("origin not allowed"));
 * }</pre>
 */
@FunctionalInterface
public interface AllowRequest {
  /** Decides on a handshake request. An exceptional stage refuses it. */
  CompletionStage<HandshakeDecision> check(EngineRequest request);
}
