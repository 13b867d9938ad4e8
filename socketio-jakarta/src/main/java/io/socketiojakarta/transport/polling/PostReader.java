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

  /** How much of a refused body is read and dropped before the connection is simply closed. */
  private static final long DISCARD_LIMIT = 8L << 20;

  private final ByteArrayOutputStream body;
  private final byte[] buffer;
  private final AtomicBoolean finished = new AtomicBoolean();

  /** After a 413: the rest of the body is read and dropped, so the client can read the answer. */
  private volatile boolean discarding;

  private long discarded;

  private PostReader(
      AsyncContext async, ServletInputStream in, EngineSession session, long max, int expected) {
    this.async = async;
    this.in = in;
    this.session = session;
    this.max = max;
    // the declared length is a hint, not a promise: never reserve more than 64 KiB up front
    this.body = new ByteArrayOutputStream(Math.max(256, Math.min(expected, 64 * 1024)));
    // most bodies are a few packets: a read buffer the declared size (within 512 B..8 KiB)
    this.buffer = new byte[expected > 0 ? Math.max(512, Math.min(expected + 1, 8192)) : 8192];
  }

  /**
   * Reads the body of a POST.
   *
   * @param refuse the declared length is over the limit: answer 413 at once, read nothing into
   *     memory
   */
  static void start(
      AsyncContext async, EngineSession session, long max, int expected, boolean refuse)
      throws IOException {
    ServletInputStream in = async.getRequest().getInputStream();
    PostReader reader = new PostReader(async, in, session, max, refuse ? 0 : expected);
    async.addListener(reader);
    if (refuse) {
      reader.tooLarge();
    }
    in.setReadListener(reader);
  }

  @Override
  public void onDataAvailable() throws IOException {
    // read until isReady() is false, always: the container calls again only after that
    while (in.isReady()) {
      int n = in.read(buffer);
      if (n < 0) {
        return; // onAllDataRead follows
      }
      if (discarding || finished.get()) {
        discarded += n;
        if (discarded > Math.max(max, DISCARD_LIMIT)) {
          complete(); // enough: the connection closes with the answer already sent
          return;
        }
      } else if (body.size() + (long) n > max) {
        tooLarge();
      } else {
        body.write(buffer, 0, n);
      }
    }
  }

  @Override
  public void onAllDataRead() {
    if (discarding) {
      complete();
      return;
    }
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
    resp.setContentLength(0);
    try {
      // the answer goes out now; closing before the client has sent its body could reset the
      // connection under the answer, so the rest is read and dropped, up to a bound
      resp.flushBuffer();
      discarding = true;
    } catch (IOException e) {
      complete();
    }
  }

  private void complete() {
    try {
      async.complete();
    } catch (IllegalStateException e) {
      // already completed
    }
  }

  @Override
  public void onError(Throwable t) {
    abort();
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    // answered and completed here, synchronously: a listener that leaves a timed-out request
    // incomplete turns it into a container error (500)
    if (!discarding && finished.compareAndSet(false, true)) {
      session.endPost();
      HttpServletResponse resp = (HttpServletResponse) async.getResponse();
      resp.setStatus(408);
      resp.setHeader("Connection", "close");
      resp.setContentLength(0);
    }
    complete();
  }

  @Override
  public void onError(AsyncEvent event) {
    abort();
  }

  private void abort() {
    if (finished.compareAndSet(false, true)) {
      session.endPost();
    }
    complete();
  }

  @Override
  public void onComplete(AsyncEvent event) {}

  @Override
  public void onStartAsync(AsyncEvent event) {}
}
