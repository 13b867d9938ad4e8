package io.socketiojakarta.transport.polling;

import io.socketiojakarta.engine.Engine;
import io.socketiojakarta.engine.EngineError;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.engine.EngineRequestSnapshot;
import io.socketiojakarta.engine.EngineSession;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine's HTTP entry point, mapped to {@code <path>*}: long-polling GET and POST, CORS
 * preflights, and WebSocket upgrade requests (checked here, then handed to the WebSocket binding so
 * that a refusal gets the reference's HTTP 400 with the message text).
 *
 * <p>Must be registered with async support. Holds no thread per waiting GET.
 */
public final class EngineServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final System.Logger LOG = System.getLogger(EngineServlet.class.getName());

  /** How long a WebSocket handshake waits for an asynchronous allowRequest gate. */
  private static final Duration GATE_WAIT = Duration.ofSeconds(10);

  private final transient Engine engine;
  private final transient WebSocketUpgrade upgrade;
  private final long pollTimeoutMillis;
  private final transient Runnable onDestroy;

  @Override
  public void destroy() {
    onDestroy.run();
  }

  /**
   * A servlet for this engine.
   *
   * @param engine the engine
   * @param upgrade performs accepted WebSocket upgrades, or null when WebSocket is unavailable
   */
  public EngineServlet(Engine engine, WebSocketUpgrade upgrade) {
    this(engine, upgrade, engine::close);
  }

  /**
   * A servlet for this engine that runs {@code onDestroy} (which must close the engine) when the
   * application stops.
   *
   * @param engine the engine
   * @param upgrade performs accepted WebSocket upgrades, or null when WebSocket is unavailable
   * @param onDestroy closes the engine and what runs on it
   */
  public EngineServlet(Engine engine, WebSocketUpgrade upgrade, Runnable onDestroy) {
    this.engine = engine;
    this.upgrade = upgrade;
    this.onDestroy = onDestroy;
    EngineOptions o = engine.options();
    this.pollTimeoutMillis = o.pingInterval().plus(o.pingTimeout()).toMillis() + 5_000;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp)
      throws ServletException, IOException {
    ServletEngineRequest request = new ServletEngineRequest(req);
    resp.setHeader("Cache-Control", "no-store");
    boolean preflight = "OPTIONS".equals(req.getMethod());
    engine
        .options()
        .cors()
        .ifPresent(cors -> cors.headers(request, preflight).forEach(resp::setHeader));
    if (preflight && engine.options().cors().isPresent()) {
      resp.setStatus(204);
      resp.setContentLength(0);
      return;
    }
    Engine.Check check = engine.check(request);
    boolean wsUpgrade = request.isWebSocketUpgrade();
    if (!check.ok()) {
      refuse(request, resp, check.error(), null, wsUpgrade);
      return;
    }
    EngineSession session = check.session();
    if (wsUpgrade && EngineOptions.WEBSOCKET.equals(request.query("transport").orElse(""))) {
      upgrade(req, resp, request, session);
    } else if (session != null) {
      applyHeaders(resp, engine.responseHeaders(request, false));
      switch (req.getMethod()) {
        case "GET" -> poll(req, session);
        case "POST" -> post(req, resp, session);
        default -> {
          resp.setStatus(500); // the reference's answer to other methods with a valid sid
          resp.setContentLength(0);
        }
      }
    } else {
      handshake(req, request);
    }
  }

  private void refuse(
      ServletEngineRequest request,
      HttpServletResponse resp,
      EngineError error,
      String message,
      boolean wsUpgrade)
      throws IOException {
    engine.reportError(request, error, message);
    byte[] body =
        wsUpgrade
            ? HttpAnswers.upgradeRefusal(resp, message == null ? error.message() : message)
            : HttpAnswers.error(resp, error, message);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }

  private void handshake(HttpServletRequest req, ServletEngineRequest request) {
    EngineRequestSnapshot snapshot = request.snapshot();
    AsyncContext async = req.startAsync();
    async.setTimeout(pollTimeoutMillis);
    // created (and registered as async listener) on this container thread, before the gate
    AsyncPollResponder responder =
        new AsyncPollResponder(
            async, req.getHeader("Accept-Encoding"), engine.options().httpCompressionThreshold());
    HttpServletResponse resp = (HttpServletResponse) async.getResponse();
    engine
        .checkHandshake(snapshot)
        .whenComplete(
            (refusal, failure) -> {
              if (failure != null || refusal != null) {
                EngineError error = refusal == null ? EngineError.BAD_REQUEST : refusal.error();
                String message = refusal == null ? null : refusal.message();
                engine.reportError(snapshot, error, message);
                responder.fail(error, message);
                return;
              }
              try {
                engine.openPolling(
                    snapshot,
                    responder,
                    opened -> {
                      responder.session(opened);
                      applyHeaders(resp, engine.responseHeaders(snapshot, true));
                      String cookie = engine.cookieHeader(opened.id());
                      if (cookie != null) {
                        resp.addHeader("Set-Cookie", cookie);
                      }
                    });
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "handshake failed", e);
                responder.fail(EngineError.BAD_REQUEST);
              }
            });
  }

  private static void applyHeaders(HttpServletResponse resp, Map<String, List<String>> headers) {
    headers.forEach(
        (name, values) -> {
          for (int i = 0; i < values.size(); i++) {
            if (i == 0) {
              resp.setHeader(name, values.get(0));
            } else {
              resp.addHeader(name, values.get(i));
            }
          }
        });
  }

  private void poll(HttpServletRequest req, EngineSession session) {
    AsyncContext async = req.startAsync();
    async.setTimeout(pollTimeoutMillis);
    AsyncPollResponder responder =
        new AsyncPollResponder(
            async, req.getHeader("Accept-Encoding"), engine.options().httpCompressionThreshold());
    responder.session(session);
    session.poll(responder);
  }

  private void post(HttpServletRequest req, HttpServletResponse resp, EngineSession session)
      throws IOException {
    if (!session.beginPost()) {
      resp.setStatus(400); // overlapping POST: the session is closed, as the reference does
      resp.setContentLength(0);
      return;
    }
    String type = req.getContentType();
    if (type != null
        && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/octet-stream")) {
      session.onInvalidPostContent();
      byte[] body = HttpAnswers.error(resp, EngineError.BAD_REQUEST, null);
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
      return;
    }
    long max = engine.options().maxHttpBufferSize();
    long declared = req.getContentLengthLong();
    AsyncContext async = req.startAsync();
    async.setTimeout(pollTimeoutMillis);
    // a declared length over the limit is refused (413) before a byte is read; the session lives
    // on, as with the reference's 413
    PostReader.start(
        async, session, max, (int) Math.min(Math.max(0, declared), max), declared > max);
  }

  private void upgrade(
      HttpServletRequest req,
      HttpServletResponse resp,
      ServletEngineRequest request,
      EngineSession session)
      throws ServletException, IOException {
    if (upgrade == null) {
      refuse(request, resp, EngineError.TRANSPORT_UNKNOWN, null, true);
      return;
    }
    EngineRequestSnapshot snapshot = request.snapshot();
    if (session == null) {
      Engine.Refusal refusal;
      try {
        CompletableFuture<Engine.Refusal> f = engine.checkHandshake(snapshot).toCompletableFuture();
        // an asynchronous gate blocks this upgrade request only: the upgrade must happen on it
        refusal = f.get(GATE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        refusal = new Engine.Refusal(EngineError.BAD_REQUEST, null);
      } catch (ExecutionException | TimeoutException e) {
        refusal = new Engine.Refusal(EngineError.FORBIDDEN, null);
      }
      if (refusal != null) {
        refuse(request, resp, refusal.error(), refusal.message(), true);
        return;
      }
    }
    applyHeaders(resp, engine.responseHeaders(request, session == null));
    try {
      upgrade.upgrade(req, resp, snapshot, session);
    } catch (IOException | ServletException | RuntimeException e) {
      // a malformed upgrade request (bad key or version...): one line, no stack trace per client
      LOG.log(Level.DEBUG, "WebSocket upgrade refused: {0}", String.valueOf(e));
      if (!resp.isCommitted()) {
        resp.reset();
        refuse(request, resp, EngineError.BAD_REQUEST, null, true);
      }
    }
  }
}
