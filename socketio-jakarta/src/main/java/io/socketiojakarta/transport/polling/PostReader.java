package io.socketiojakarta.transport.polling;

import io.socketiojakarta.engine.EngineError;
import io.socketiojakarta.engine.EngineSession;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads a polling POST body with a non-blocking {@link ReadListener}, counting bytes against {@code
 * maxHttpBufferSize}: over the limit the answer is 413 and the session lives on. A client that
 * stalls mid-body is cut off by the async timeout.
 */
final class PostReader implements ReadListener, AsyncListener {
  private final AsyncContext async;
  private final ServletInputStream in;
  private final EngineSession session;
  private final long max;
  private final ByteArrayOutputStream body;
  private final byte[] buffer = new byte[8192];
  private final AtomicBoolean finished = new AtomicBoolean();

  private PostReader(
      AsyncContext async, ServletInputStream in, EngineSession session, long max, int expected) {
    this.async = async;
    this.in = in;
    this.session = session;
    this.max = max;
    this.body = new ByteArrayOutputStream(expected > 0 ? expected : 256);
  }

  static void start(AsyncContext async, EngineSession session, long max, int expected)
      throws IOException {
    ServletInputStream in = async.getRequest().getInputStream();
    PostReader reader = new PostReader(async, in, session, max, expected);
    async.addListener(reader);
    in.setReadListener(reader);
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (!finished.get() && in.isReady()) {
      int n = in.read(buffer);
      if (n < 0) {
        return; // onAllDataRead follows
      }
      if (body.size() + (long) n > max) {
        tooLarge();
        return;
      }
      body.write(buffer, 0, n);
    }
  }

  @Override
  public void onAllDataRead() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    EngineError error = session.onPost(body.toString(StandardCharsets.UTF_8));
    HttpServletResponse resp = (HttpServletResponse) async.getResponse();
    if (error == null) {
      resp.setStatus(200);
      resp.setContentType(HttpAnswers.TEXT_HTML);
      AsyncWriter.write(async, HttpAnswers.OK);
    } else {
      AsyncWriter.write(async, HttpAnswers.error(resp, error, null));
    }
  }

  private void tooLarge() {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    session.endPost();
    HttpServletResponse resp = (HttpServletResponse) async.getResponse();
    resp.setStatus(413);
    resp.setHeader("Connection", "close");
    AsyncWriter.write(async, new byte[0]);
  }

  @Override
  public void onError(Throwable t) {
    abort();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    if (finished.compareAndSet(false, true)) {
      session.endPost();
      HttpServletResponse resp = (HttpServletResponse) async.getResponse();
      resp.setStatus(408);
      resp.setHeader("Connection", "close");
      AsyncWriter.write(async, new byte[0]);
    }
  }

  @Override
  public void onError(AsyncEvent event) {
    abort();
  }

  private void abort() {
    if (finished.compareAndSet(false, true)) {
      session.endPost();
      try {
        async.complete();
      } catch (IllegalStateException e) {
        // already completed
      }
    }
  }

  @Override
  public void onComplete(AsyncEvent event) {}

  @Override
  public void onStartAsync(AsyncEvent event) {}
}
