package io.socketiojakarta.conformance;

import io.socketiojakarta.engine.EngineError;
import io.socketiojakarta.engine.EngineListener;
import io.socketiojakarta.engine.EngineRequest;
import io.socketiojakarta.engine.EngineSession;
import io.socketiojakarta.testing.EchoListener;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The fixture's application, observed from the server side: echoes every message (text as text,
 * binary as binary) and records each session's close reason and every refused request.
 */
final class ServerEvents implements EngineListener {
  /** A refused request as the engine reported it. */
  record Refused(String method, String url, int code, String message) {}

  private final ConcurrentHashMap<String, CompletableFuture<String>> closeReasons =
      new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();
  final BlockingQueue<Refused> refused = new LinkedBlockingQueue<>();

  @Override
  public void onConnection(EngineSession session) {
    sessions.put(session.id(), session);
    CompletableFuture<String> reason = closeReasonFuture(session.id());
    session.listener(
        new EchoListener() {
          @Override
          public void onClose(EngineSession s, String why, String description) {
            reason.complete(why);
          }
        });
  }

  @Override
  public void onConnectionError(EngineRequest request, EngineError error, String message) {
    refused.add(new Refused(request.method(), request.url(), error.code(), message));
  }

  private CompletableFuture<String> closeReasonFuture(String sid) {
    return closeReasons.computeIfAbsent(sid, k -> new CompletableFuture<>());
  }

  /** The server-side session of this id (seen at its handshake). */
  EngineSession session(String sid) {
    EngineSession s = sessions.get(sid);
    if (s == null) {
      throw new AssertionError("the server never announced session " + sid);
    }
    return s;
  }

  /** The reason the session closed with, waiting up to {@code timeout}. */
  String closeReason(String sid, Duration timeout) throws Exception {
    try {
      return closeReasonFuture(sid).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(
          "session " + sid + " did not close within " + timeout.toMillis() + " ms");
    }
  }

  /** Whether the server has announced the session (called onConnection), without waiting. */
  boolean announced(String sid) {
    return sessions.containsKey(sid);
  }

  /** Whether the session has closed, without waiting. */
  boolean closed(String sid) {
    return closeReasonFuture(sid).isDone();
  }
}
