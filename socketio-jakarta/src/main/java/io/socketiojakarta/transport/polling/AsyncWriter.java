package io.socketiojakarta.transport.polling;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Writes a whole body with a non-blocking {@link WriteListener}, then completes the request. */
final class AsyncWriter implements WriteListener {
  private final AsyncContext async;
  private final ServletOutputStream out;
  private final byte[] body;
  private boolean written;

  private AsyncWriter(AsyncContext async, ServletOutputStream out, byte[] body) {
    this.async = async;
    this.out = out;
    this.body = body;
  }

  /**
   * Sets the content length and starts writing; status and headers must be set already. The writing
   * starts on a thread of the container ({@link AsyncContext#start}): the caller may be a Socket.IO
   * handler thread, and a container may run the request's listeners (a CDI container's request
   * context, among others) on the thread that registers the write listener or completes the
   * request.
   */
  static void write(AsyncContext async, byte[] body) {
    try {
      async.start(() -> begin(async, body));
    } catch (IllegalStateException e) {
      complete(async);
    }
  }

  private static void begin(AsyncContext async, byte[] body) {
    HttpServletResponse resp = (HttpServletResponse) async.getResponse();
    try {
      resp.setContentLength(body.length);
      ServletOutputStream out = resp.getOutputStream();
      out.setWriteListener(new AsyncWriter(async, out, body));
    } catch (IOException | IllegalStateException e) {
      complete(async);
    }
  }

  @Override
  public void onWritePossible() throws IOException {
    while (out.isReady()) {
      if (written) {
        complete(async);
        return;
      }
      out.write(body);
      written = true;
    }
  }

  @Override
  public void onError(Throwable t) {
    complete(async);
  }

  private static void complete(AsyncContext async) {
    try {
      async.complete();
    } catch (IllegalStateException alreadyDone) {
      // the container completed it after an error or timeout
    }
  }
}
