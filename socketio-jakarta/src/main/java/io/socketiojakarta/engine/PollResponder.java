package io.socketiojakarta.engine;

import java.util.List;

/**
 * The container side of one long-polling GET, implemented by the polling binding. The engine calls
 * exactly one method, once, from any thread, never under a lock; the binding writes the answer
 * without blocking and completes the request.
 */
public interface PollResponder {
  /**
   * Answers 200 with these packets as one payload. Returns false when the request was already
   * answered (its connection failed or timed out): the packets were not sent, and the engine queues
   * them again.
   */
  boolean respond(List<EnginePacket> packets);

  /** Answers with an Engine.IO error (status and JSON body). */
  void fail(EngineError error);

  /** Answers with a status and an empty body. */
  void fail(int status);
}
