package io.socketiojakarta.engine;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An Engine.IO v4 server: the session registry, the request checks and error codes of the
 * reference, and session creation for both transports. It knows nothing of Socket.IO and of the
 * container: the bindings in {@code transport.polling} and {@code transport.websocket} call it.
 *
 * <pre>{@code
 * Engine engine = Engine.create(EngineOptions.builder().path("/engine.io/").build(),
 *     session -> session.listener(new EngineSessionListener() {
 *       public void onMessage(EngineSession s, String text) { s.send(text); } // echo
 *     }));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class Engine {
  private static final System.Logger LOG = System.getLogger(Engine.class.getName());

  private final EngineOptions options;
  private final EngineListener listener;
  private final Scheduler scheduler;
  private final ConcurrentHashMap<String, EngineSession> sessions = new ConcurrentHashMap<>();

  /** Sessions closed by the server whose close packet waits for the next GET (up to 30 s). */
  private final ConcurrentHashMap<String, EngineSession> closing = new ConcurrentHashMap<>();

  private final java.util.List<HeadersListener> headersListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  Engine(EngineOptions options, EngineListener listener, Scheduler scheduler) {
    this.options = Objects.requireNonNull(options);
    this.listener = Objects.requireNonNull(listener);
    this.scheduler = Objects.requireNonNull(scheduler);
  }

  /** An engine with its own timer thread; {@link #close()} releases it. */
  public static Engine create(EngineOptions options, EngineListener listener) {
    return new Engine(options, listener, new ThreadScheduler());
  }

  /** An engine using the given scheduler for all its timers (tests use a manual clock). */
  public static Engine create(EngineOptions options, EngineListener listener, Scheduler scheduler) {
    return new Engine(options, listener, scheduler);
  }

  /** The options. */
  public EngineOptions options() {
    return options;
  }

  /** The number of open sessions (the reference's {@code clientsCount}). */
  public int clientsCount() {
    return sessions.size();
  }

  /** The session with this id, if open. */
  public Optional<EngineSession> session(String sid) {
    return Optional.ofNullable(sessions.get(sid));
  }

  /** A snapshot of the sessions. */
  public Collection<EngineSession> sessions() {
    return Collections.unmodifiableCollection(List.copyOf(sessions.values()));
  }

  /** Closes every session ("forced close") and stops the timers. */
  public void close() {
    for (EngineSession s : List.copyOf(sessions.values())) {
      s.close();
    }
    sessions.clear();
    closing.clear();
    scheduler.shutdown();
  }

  /**
   * After {@link #close()}, waits at most {@code timeout} for the timer thread to end (an
   * application being undeployed should leave no thread behind); returns whether it did.
   */
  public boolean awaitTermination(Duration timeout) {
    return scheduler.awaitTermination(timeout);
  }

  Scheduler scheduler() {
    return scheduler;
  }

  void remove(EngineSession session) {
    sessions.remove(session.id(), session);
    closing.remove(session.id(), session);
  }

  /** A session that is closed but waits for a GET to carry its close packet. */
  void retire(EngineSession session) {
    if (sessions.remove(session.id(), session)) {
      closing.put(session.id(), session);
    }
  }

  // ---------------------------------------------------------------- request checks

  /**
   * The outcome of the synchronous checks of a request, in the reference's order: transport,
   * Origin, then for a request with a sid the session and its transport and protocol, else the
   * handshake method and WebSocket-without-upgrade.
   *
   * @param error the refusal, or null when the request may go on
   * @param session the session named by {@code sid}, or null for a handshake
   */
  public record Check(EngineError error, EngineSession session) {
    /** Whether the request may go on. */
    public boolean ok() {
      return error == null;
    }
  }

  /** Runs the synchronous checks on a request that reached the engine's path. */
  public Check check(EngineRequest request) {
    String transport = request.query("transport").orElse(null);
    if (transport == null || !options.allows(transport)) {
      return new Check(EngineError.TRANSPORT_UNKNOWN, null);
    }
    Optional<String> origin = request.header("origin");
    if (origin.isPresent() && invalidHeaderChars(origin.get())) {
      return new Check(EngineError.BAD_REQUEST, null);
    }
    boolean upgrade = request.isWebSocketUpgrade() && EngineOptions.WEBSOCKET.equals(transport);
    // an empty sid is no sid, as in the reference: the request is a handshake
    Optional<String> sid = request.query("sid").filter(v -> !v.isEmpty());
    if (sid.isPresent()) {
      EngineSession session = sessions.get(sid.get());
      if (session == null) {
        session = closing.get(sid.get());
      }
      if (session == null) {
        return new Check(EngineError.UNKNOWN_SID, null);
      }
      String current = session.transportName();
      if (upgrade) {
        // beyond the reference: only a polling session may upgrade, and only from its own client
        if (!options.allowUpgrades()
            || !EngineOptions.POLLING.equals(current)
            || !request.remoteAddress().equals(session.request().remoteAddress())) {
          return new Check(EngineError.BAD_REQUEST, null);
        }
      } else if (!current.equals(transport)) {
        return new Check(EngineError.BAD_REQUEST, null);
      }
      if (!"4".equals(request.query("EIO").orElse(null))) {
        return new Check(EngineError.BAD_REQUEST, null);
      }
      return new Check(null, session);
    }
    if (!"GET".equals(request.method())) {
      return new Check(EngineError.BAD_HANDSHAKE_METHOD, null);
    }
    if (EngineOptions.WEBSOCKET.equals(transport) && !upgrade) {
      return new Check(EngineError.BAD_REQUEST, null);
    }
    return new Check(null, null);
  }

  /**
   * The asynchronous part of a handshake's checks: the {@code allowRequest} gate, then the protocol
   * revision. Completes with null when the handshake may go on, or with the error (a refused gate's
   * message in {@link Refusal#message()}).
   */
  public CompletionStage<Refusal> checkHandshake(EngineRequest request) {
    CompletionStage<HandshakeDecision> gate =
        options
            .allowRequest()
            .map(g -> safely(g, request))
            .orElse(CompletableFuture.completedFuture(HandshakeDecision.allow()));
    return gate.handle(
        (decision, failure) -> {
          if (failure != null || decision == null) {
            if (failure != null) {
              LOG.log(Level.WARNING, "allowRequest failed: " + failure);
            }
            return new Refusal(EngineError.FORBIDDEN, null);
          }
          if (!decision.allowed()) {
            return new Refusal(EngineError.FORBIDDEN, decision.message().orElse(null));
          }
          if (!"4".equals(request.query("EIO").orElse(null))) {
            return new Refusal(EngineError.UNSUPPORTED_PROTOCOL_VERSION, null);
          }
          return null;
        });
  }

  private static CompletionStage<HandshakeDecision> safely(
      AllowRequest gate, EngineRequest request) {
    try {
      return gate.check(request);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * A refused handshake.
   *
   * @param error the error
   * @param message the message replacing the default one, or null
   */
  public record Refusal(EngineError error, String message) {
    /** The message to send. */
    public String text() {
      return message == null ? error.message() : message;
    }
  }

  /** Tells the application about a refused request (the reference's {@code connection_error}). */
  public void reportError(EngineRequest request, EngineError error, String message) {
    try {
      listener.onConnectionError(request, error, message == null ? error.message() : message);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "connection_error listener failed", e);
    }
  }

  // ---------------------------------------------------------------- session creation

  /**
   * Opens a polling session for a checked handshake and answers the handshake GET with the open
   * packet; {@code beforeAnswer} runs first (to add headers such as the cookie). Returns the
   * session.
   */
  public EngineSession openPolling(
      EngineRequest handshake, PollResponder responder, Consumer<EngineSession> beforeAnswer) {
    EngineSession session = newSession(handshake, PollingTransport::new, true);
    beforeAnswer.accept(session);
    // the application hears of the session before its client gets the sid: a message posted right
    // after the handshake must find the application's listener in place
    announce(session);
    session.poll(responder);
    return session;
  }

  /**
   * Opens a WebSocket-only session for a checked handshake; the open packet is the first frame. The
   * binding feeds the connection's frames to the returned transport.
   */
  public WebSocketTransport openWebSocket(EngineRequest handshake, FrameChannel channel) {
    WebSocketTransport[] made = new WebSocketTransport[1];
    EngineSession session =
        newSession(handshake, s -> made[0] = new WebSocketTransport(s, channel), false);
    WebSocketTransport t = made[0];
    announce(session); // before the open packet goes out, as for polling
    session.flush();
    return t;
  }

  /**
   * Attaches a WebSocket to a polling session for an upgrade. Returns null when the session is
   * gone, already upgraded or upgrading: the binding then closes the connection, and the session
   * goes on unharmed.
   */
  public WebSocketTransport attachUpgrade(EngineSession session, FrameChannel channel) {
    return session.attachProbe(channel);
  }

  /** Adds a listener that customises the response headers of the sessions' requests. */
  public void onHeaders(HeadersListener value) {
    headersListeners.add(Objects.requireNonNull(value));
  }

  /**
   * The extra response headers for a request of a session (empty when nobody listens); {@code
   * initial} for its handshake. A failing listener is logged and skipped.
   */
  public java.util.Map<String, java.util.List<String>> responseHeaders(
      EngineRequest request, boolean initial) {
    if (headersListeners.isEmpty()) {
      return java.util.Map.of();
    }
    java.util.Map<String, java.util.List<String>> headers = new java.util.LinkedHashMap<>();
    for (HeadersListener l : headersListeners) {
      try {
        if (initial) {
          l.initialHeaders(headers, request);
        }
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "initial headers listener failed", e);
      }
    }
    for (HeadersListener l : headersListeners) {
      try {
        l.headers(headers, request);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "headers listener failed", e);
      }
    }
    return headers;
  }

  /** The {@code Set-Cookie} value for a new session, or null when the cookie option is off. */
  public String cookieHeader(String sid) {
    return options.cookie().map(c -> c.headerValue(sid)).orElse(null);
  }

  /**
   * A new session with a fresh id, its transport installed and its open packet queued before it is
   * published in the registry: nobody (a broadcast walking {@link #sessions()}, a request with its
   * sid) can see a session that is not set up.
   */
  private EngineSession newSession(
      EngineRequest handshake, Function<EngineSession, Transport> transport, boolean polling) {
    for (int attempt = 0; ; attempt++) {
      if (attempt > 8) {
        throw new IllegalStateException("session id generator keeps returning ids in use");
      }
      String id = options.idGenerator().generate(handshake);
      if (sessions.containsKey(id) || closing.containsKey(id)) {
        continue;
      }
      EngineSession session = new EngineSession(this, id, handshake);
      session.open(transport.apply(session), openJson(id, polling));
      if (sessions.putIfAbsent(id, session) == null) {
        return session;
      }
      session.discard();
    }
  }

  private void announce(EngineSession session) {
    try {
      listener.onConnection(session);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "connection listener failed; closing " + session, e);
      session.close();
    }
  }

  private String openJson(String sid, boolean polling) {
    boolean upgrades =
        polling && options.allowUpgrades() && options.allows(EngineOptions.WEBSOCKET);
    return "{\"sid\":"
        + Json.quote(sid)
        + ",\"upgrades\":"
        + (upgrades ? "[\"websocket\"]" : "[]")
        + ",\"pingInterval\":"
        + options.pingInterval().toMillis()
        + ",\"pingTimeout\":"
        + options.pingTimeout().toMillis()
        + ",\"maxPayload\":"
        + options.maxHttpBufferSize()
        + "}";
  }

  /** Node's checkInvalidHeaderChar: anything but tab and visible Latin-1 is invalid. */
  private static boolean invalidHeaderChars(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c == '\t' || (c >= 0x20 && c <= 0x7e) || (c >= 0x80 && c <= 0xff))) {
        return true;
      }
    }
    return false;
  }
}
