package io.socketiojakarta.core;

import io.socketiojakarta.Args;
import io.socketiojakarta.BroadcastOperator;
import io.socketiojakarta.Middleware;
import io.socketiojakarta.Namespace;
import io.socketiojakarta.NamespaceMatcher;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.Server;
import io.socketiojakarta.ServerEngine;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.Socket;
import io.socketiojakarta.engine.Engine;
import io.socketiojakarta.engine.EngineError;
import io.socketiojakarta.engine.EngineListener;
import io.socketiojakarta.engine.EngineRequest;
import io.socketiojakarta.engine.EngineSession;
import io.socketiojakarta.engine.Scheduler;
import io.socketiojakarta.json.JsonLimits;
import io.socketiojakarta.json.JsonMapper;
import io.socketiojakarta.parser.DecoderLimits;
import io.socketiojakarta.spi.AdapterFactory;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Socket.IO server on top of an {@link Engine}: receives the engine's sessions as {@link
 * Client}s and keeps the namespaces. Created by the composition root, then {@link #attach}ed to its
 * engine.
 */
public final class CoreServer implements Server, EngineListener {
  private static final System.Logger LOG = System.getLogger(CoreServer.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger POOLS = new AtomicInteger();

  private final ServerOptions options;
  private final AdapterFactory adapterFactory;
  private final Scheduler scheduler;
  private final Payloads payloads;
  private final DecoderLimits decoderLimits;
  private final Executor executor;
  private final ExecutorService ownExecutor;
  private final Map<String, CoreNamespace> namespaces = new ConcurrentHashMap<>();
  private final List<Parent> parents = new CopyOnWriteArrayList<>();
  private final List<Consumer<Namespace>> newNamespaceListeners = new CopyOnWriteArrayList<>();
  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private final Set<Runnable> pendingBroadcasts = ConcurrentHashMap.newKeySet();
  private final AtomicInteger parentCount = new AtomicInteger();
  private final CoreNamespace main;
  private final List<Consumer<ServerEngine.ConnectionError>> connectionErrorListeners =
      new CopyOnWriteArrayList<>();
  private final ServerEngine engineView =
      new ServerEngine() {
        @Override
        public int clientsCount() {
          Engine e = engine;
          return e == null ? 0 : e.clientsCount();
        }

        @Override
        public void onConnectionError(Consumer<ConnectionError> listener) {
          connectionErrorListeners.add(listener);
        }

        @Override
        public void onInitialHeaders(HeadersListener listener) {
          engineOrFail()
              .onHeaders(
                  new io.socketiojakarta.engine.HeadersListener() {
                    @Override
                    public void initialHeaders(
                        Map<String, List<String>> headers, EngineRequest request) {
                      listener.onHeaders(headers, view(request));
                    }
                  });
        }

        @Override
        public void onHeaders(HeadersListener listener) {
          engineOrFail()
              .onHeaders(
                  new io.socketiojakarta.engine.HeadersListener() {
                    @Override
                    public void headers(Map<String, List<String>> headers, EngineRequest request) {
                      listener.onHeaders(headers, view(request));
                    }
                  });
        }
      };

  private Engine engineOrFail() {
    Engine e = engine;
    if (e == null) {
      throw new IllegalStateException("the server is not attached to an engine yet");
    }
    return e;
  }

  private static ServerEngine.Request view(EngineRequest request) {
    return new ServerEngine.Request(
        request.method(), request.url(), request.headers(), request.remoteAddress());
  }

  private volatile Engine engine;
  private volatile boolean closed;

  private record Parent(NamespaceMatcher matcher, CoreNamespace namespace) {}

  /**
   * A server.
   *
   * @param options Socket.IO options
   * @param adapterFactory creates each namespace's adapter
   * @param scheduler timers (connect timeout, ack timeouts); the engine's
   * @param mapper JSON-B binding, when available
   */
  public CoreServer(
      ServerOptions options,
      AdapterFactory adapterFactory,
      Scheduler scheduler,
      Optional<JsonMapper> mapper) {
    this.options = options;
    this.adapterFactory = adapterFactory;
    this.scheduler = scheduler;
    this.payloads = new Payloads(mapper);
    this.decoderLimits =
        new DecoderLimits(
            options.maxAttachments(),
            new JsonLimits(options.maxJsonDepth(), options.maxNumberLength()));
    if (options.handlerExecutor().isPresent()) {
      this.executor = options.handlerExecutor().get();
      this.ownExecutor = null;
    } else {
      HandlerPool pool =
          HandlerPool.start(scheduler, "socket.io-" + POOLS.incrementAndGet() + "-handler");
      this.executor = pool;
      this.ownExecutor = pool;
    }
    this.main = new CoreNamespace(this, "/", null, false);
    namespaces.put("/", main);
  }

  /** Connects the server to its engine (whose listener it is). */
  public void attach(Engine value) {
    this.engine = value;
  }

  AdapterFactory adapterFactory() {
    return adapterFactory;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  Payloads payloads() {
    return payloads;
  }

  DecoderLimits decoderLimits() {
    return decoderLimits;
  }

  Executor executor() {
    return executor;
  }

  /**
   * Runs application code that has no socket sequence (broadcast acknowledgement callbacks, the
   * dependents of their futures) on the handler executor: never on a timer or container thread.
   * Once the executor is shut down, runs it on the calling thread.
   */
  void runHandler(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      task.run();
    }
  }

  /**
   * A broadcast waiting for acknowledgements: {@code abort} ends it at once if the server closes
   * first (the timers stop with the engine). Returns the handle that unregisters it.
   */
  Runnable pendingBroadcast(Runnable abort) {
    pendingBroadcasts.add(abort);
    if (closed && pendingBroadcasts.remove(abort)) {
      abort.run();
    }
    return () -> pendingBroadcasts.remove(abort);
  }

  /** A socket id: 120 random bits, URL-safe base64 (20 characters), like the reference's ids. */
  String newSocketId() {
    byte[] bytes = new byte[15];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  // ------------------------------------------------------------------ engine

  /**
   * A new connection. It is registered before {@code closed} and the session's state are checked: a
   * {@link #close()} running concurrently either sees it or is seen, and a session closed before
   * its listener was set (its close event then went elsewhere) is not kept.
   */
  @Override
  public void onConnection(EngineSession session) {
    Client client = new Client(this, session);
    session.listener(client);
    clients.add(client);
    if (closed || !session.isOpen()) {
      clients.remove(client);
      session.close();
      return;
    }
    client.start();
  }

  void removeClient(Client client) {
    clients.remove(client);
  }

  // ------------------------------------------------------------------ namespaces

  private static String normalize(String name) {
    return name.startsWith("/") ? name : "/" + name;
  }

  @Override
  public Namespace sockets() {
    return main;
  }

  @Override
  public Namespace of(String name) {
    String n = normalize(name);
    CoreNamespace existing = namespaces.get(n);
    if (existing != null) {
      return existing;
    }
    CoreNamespace created;
    synchronized (this) {
      existing = namespaces.get(n);
      if (existing != null) {
        return existing;
      }
      created = new CoreNamespace(this, n, null, false);
      namespaces.put(n, created);
    }
    fireNewNamespace(created);
    return created;
  }

  @Override
  public Namespace of(Pattern pattern) {
    return of((name, auth) -> CompletableFuture.completedFuture(pattern.matcher(name).find()));
  }

  @Override
  public Namespace of(NamespaceMatcher matcher) {
    CoreNamespace parent =
        new CoreNamespace(this, "/_" + parentCount.getAndIncrement(), null, true);
    parents.add(new Parent(matcher, parent));
    return parent;
  }

  private void fireNewNamespace(Namespace nsp) {
    for (Consumer<Namespace> l : newNamespaceListeners) {
      try {
        l.accept(nsp);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "new_namespace listener failed", e);
      }
    }
  }

  /**
   * The namespace for a CONNECT: a declared one, or a child of the first parent accepting it. The
   * namespace is {@linkplain CoreNamespace#reserve() reserved} for the connecting socket (under the
   * lock that guards the removal of empty children), and must be passed to {@link
   * CoreNamespace#add}.
   */
  CompletableFuture<CoreNamespace> namespaceFor(String name, Map<String, Object> auth) {
    synchronized (this) {
      CoreNamespace existing = namespaces.get(name);
      if (existing != null) {
        existing.reserve();
        return CompletableFuture.completedFuture(existing);
      }
    }
    return tryParents(parents.iterator(), name, auth);
  }

  private CompletableFuture<CoreNamespace> tryParents(
      Iterator<Parent> it, String name, Map<String, Object> auth) {
    if (!it.hasNext()) {
      return CompletableFuture.completedFuture(null);
    }
    Parent parent = it.next();
    CompletableFuture<Boolean> accepted;
    try {
      accepted = parent.matcher().matches(name, auth).toCompletableFuture();
    } catch (RuntimeException e) {
      accepted = CompletableFuture.failedFuture(e);
    }
    return accepted
        .exceptionally(e -> false)
        .thenCompose(
            ok ->
                Boolean.TRUE.equals(ok)
                    ? CompletableFuture.completedFuture(child(parent.namespace(), name))
                    : tryParents(it, name, auth));
  }

  private CoreNamespace child(CoreNamespace parent, String name) {
    CoreNamespace created;
    synchronized (this) {
      CoreNamespace existing = namespaces.get(name);
      if (existing != null) {
        existing.reserve();
        return existing;
      }
      created = new CoreNamespace(this, name, parent, false);
      created.reserve();
      parent.addChild(created);
      namespaces.put(name, created);
    }
    fireNewNamespace(created);
    return created;
  }

  void removeChild(CoreNamespace child) {
    synchronized (this) {
      if (!child.idle() || !namespaces.remove(child.name(), child)) {
        return;
      }
      child.parent().removeChild(child);
    }
    child.adapter().close();
  }

  // ------------------------------------------------------------------ Server

  @Override
  public Server use(Middleware middleware) {
    main.use(middleware);
    return this;
  }

  @Override
  public Server onConnection(Consumer<Socket> listener) {
    main.onConnection(listener);
    return this;
  }

  @Override
  public Server onNewNamespace(Consumer<Namespace> listener) {
    newNamespaceListeners.add(listener);
    return this;
  }

  @Override
  public ServerOptions options() {
    return options;
  }

  @Override
  public int clientsCount() {
    return clients.size();
  }

  @Override
  public String path() {
    Engine e = engine;
    return e == null ? "" : e.options().path();
  }

  @Override
  public ServerEngine engine() {
    return engineView;
  }

  @Override
  public void onConnectionError(EngineRequest request, EngineError error, String message) {
    ServerEngine.ConnectionError event =
        new ServerEngine.ConnectionError(
            error.code(), message, request.url(), request.remoteAddress());
    for (Consumer<ServerEngine.ConnectionError> l : connectionErrorListeners) {
      try {
        l.accept(event);
      } catch (RuntimeException ex) {
        LOG.log(Level.WARNING, "connection_error listener failed", ex);
      }
    }
  }

  @Override
  public boolean serverSideEmit(String event, Object... args) {
    return main.serverSideEmit(event, args);
  }

  @Override
  public CompletableFuture<List<Args>> serverSideEmitWithAck(String event, Object... args) {
    return main.serverSideEmitWithAck(event, args);
  }

  /**
   * Closes: every socket disconnects ("server shutting down"), the adapters (parents' included) and
   * the engine close, broadcasts still waiting for acknowledgements end with a timeout (their
   * timers stop with the engine). Completes once the disconnect listeners have run, as the
   * reference's synchronous close does; only then is the own handler pool shut down.
   */
  @Override
  public CompletableFuture<Void> close() {
    closed = true;
    List<CompletableFuture<Void>> shutdowns = new java.util.ArrayList<>();
    for (Client client : List.copyOf(clients)) {
      shutdowns.add(client.shutdown());
    }
    for (CoreNamespace nsp : namespaces.values()) {
      nsp.adapter().close();
    }
    for (Parent parent : parents) {
      parent.namespace().adapter().close();
    }
    Engine e = engine;
    if (e != null) {
      e.close();
    }
    for (Runnable abort : List.copyOf(pendingBroadcasts)) {
      if (pendingBroadcasts.remove(abort)) {
        abort.run();
      }
    }
    CompletableFuture<Void> done =
        CompletableFuture.allOf(shutdowns.toArray(new CompletableFuture<?>[0]));
    if (ownExecutor == null) {
      return done;
    }
    // release the threads once the disconnect listeners already queued have run
    return done.whenComplete((v, error) -> ownExecutor.shutdown());
  }

  /**
   * After {@link #close()} completed, waits at most {@code timeout} for the server's own handler
   * threads to end (an application being undeployed should leave no thread behind); returns whether
   * they did. Always true with an executor the application supplied.
   */
  public boolean awaitTermination(Duration timeout) {
    if (ownExecutor == null) {
      return true;
    }
    try {
      return ownExecutor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public BroadcastOperator to(String... rooms) {
    return main.to(rooms);
  }

  @Override
  public BroadcastOperator in(String... rooms) {
    return main.in(rooms);
  }

  @Override
  public BroadcastOperator except(String... rooms) {
    return main.except(rooms);
  }

  @Override
  public BroadcastOperator compress(boolean compress) {
    return main.compress(compress);
  }

  @Override
  public BroadcastOperator asVolatile() {
    return main.asVolatile();
  }

  @Override
  public BroadcastOperator local() {
    return main.local();
  }

  @Override
  public BroadcastOperator timeout(Duration timeout) {
    return main.timeout(timeout);
  }

  @Override
  public boolean emit(String event, Object... args) {
    return main.emit(event, args);
  }

  @Override
  public CompletableFuture<List<Args>> emitWithAck(String event, Object... args) {
    return main.emitWithAck(event, args);
  }

  @Override
  public boolean send(Object... args) {
    return main.send(args);
  }

  @Override
  public CompletableFuture<List<RemoteSocket>> fetchSockets() {
    return main.fetchSockets();
  }

  @Override
  public void socketsJoin(String... rooms) {
    main.socketsJoin(rooms);
  }

  @Override
  public void socketsLeave(String... rooms) {
    main.socketsLeave(rooms);
  }

  @Override
  public void disconnectSockets(boolean close) {
    main.disconnectSockets(close);
  }

  @Override
  public CompletableFuture<Set<String>> allSockets() {
    return main.allSockets();
  }
}
