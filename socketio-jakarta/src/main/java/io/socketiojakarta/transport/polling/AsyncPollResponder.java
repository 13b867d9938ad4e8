package io.socketiojakarta.transport.polling;

import io.socketiojakarta.engine.EngineCodec;
import io.socketiojakarta.engine.EngineError;
import io.socketiojakarta.engine.EnginePacket;
import io.socketiojakarta.engine.EngineSession;
import io.socketiojakarta.engine.PollResponder;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A polling GET held in an {@link AsyncContext} until the engine answers it. Exactly one answer
 * wins: the engine's, or the container's timeout or error.
 */
final class AsyncPollResponder implements PollResponder, AsyncListener {
  private final AsyncContext async;
  private final String encoding;
  private final OptionalInt threshold;
  private final AtomicBoolean answered = new AtomicBoolean();
  private volatile EngineSession session;

  AsyncPollResponder(AsyncContext async, String acceptEncoding, OptionalInt threshold) {
    this.async = async;
    this.encoding = HttpAnswers.encodingFor(acceptEncoding);
    this.threshold = threshold;
    async.addListener(this);
  }

  /** The session this GET polls, for abandonment on timeout. */
  void session(EngineSession value) {
    this.session = value;
  }

  @Override
  public boolean respond(List<EnginePacket> packets) {
    if (!answered.compareAndSet(false, true)) {
      return false;
    }
    byte[] body = EngineCodec.encodePayload(packets).getBytes(StandardCharsets.UTF_8);
    HttpServletResponse resp = (HttpServletResponse) async.getResponse();
    resp.setStatus(200);
    resp.setContentType(HttpAnswers.TEXT_PLAIN);
    if (encoding != null
        && threshold.isPresent()
        && body.length >= threshold.getAsInt()
        && packets.stream().anyMatch(EnginePacket::compress)) {
      body = HttpAnswers.compress(body, encoding);
      resp.setHeader("Content-Encoding", encoding);
    }
    AsyncWriter.write(async, body);
    return true;
  }

  @Override
  public void fail(EngineError error) {
    fail(error, null);
  }

  /** Answers with an Engine.IO error and a message replacing the default one (or null). */
  void fail(EngineError error, String message) {
    if (answered.compareAndSet(false, true)) {
      AsyncWriter.write(
          async, HttpAnswers.error((HttpServletResponse) async.getResponse(), error, message));
    }
  }

  @Override
  public void fail(int status) {
    if (answered.compareAndSet(false, true)) {
      ((HttpServletResponse) async.getResponse()).setStatus(status);
      AsyncWriter.write(async, new byte[0]);
    }
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    abandon();
    if (answered.compareAndSet(false, true)) {
      // should not happen (a ping comes every pingInterval): answer a noop, synchronously, since a
      // timed-out request left incomplete by its listeners becomes a container error (500)
      HttpServletResponse resp = (HttpServletResponse) async.getResponse();
      resp.setStatus(200);
      resp.setContentType(HttpAnswers.TEXT_PLAIN);
      resp.setContentLength(1);
      try {
        resp.getOutputStream().write('6');
      } catch (IOException | IllegalStateException e) {
        // the client is gone
      }
    }
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // already completed
    }
  }

  @Override
  public void onError(AsyncEvent event) {
    abandon();
    if (answered.compareAndSet(false, true)) {
      try {
        async.complete();
      } catch (IllegalStateException e) {
        // already completed by the container
      }
    }
  }

  private void abandon() {
    EngineSession s = session;
    if (s != null) {
      s.pollAbandoned(this);
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {}

  @Override
  public void onStartAsync(AsyncEvent event) {}
}
