package io.socketiojakarta.cdi;

import io.socketiojakarta.Disconnection;
import io.socketiojakarta.Event;
import io.socketiojakarta.Middleware;
import io.socketiojakarta.Namespace;
import io.socketiojakarta.Server;
import io.socketiojakarta.Socket;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;
import java.lang.System.Logger.Level;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls the observer methods when clients connect, send and leave. Synchronous observers
 * ({@code @Observes}) of one socket run on that socket's handler sequence, in arrival order, one at
 * a time; asynchronous ones ({@code @ObservesAsync}) run on the handler executor without holding
 * it. Every call runs with the application's class loader as context class loader and inside an
 * activated request context, and with its socket and event injectable.
 */
final class Dispatcher {
  private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
  private static final AtomicInteger ASYNC_THREADS = new AtomicInteger();
  private static final int ASYNC_THREADS_MAX =
      Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
  private static final int ASYNC_QUEUE = 10_000;

  /** Binding failures logged at WARNING at most once per handler in this period, then DEBUG. */
  private static final long BIND_WARNING_PERIOD_NANOS = TimeUnit.MINUTES.toNanos(1);

  private final Server server;
  private final BeanManager beanManager;
  private final ClassLoader loader;
  private final Instance<RequestContextController> requestContexts;
  private final Map<String, Long> lastBindWarning = new ConcurrentHashMap<>();
  private ExecutorService ownAsync;
  private boolean closed;

  Dispatcher(Server server, BeanManager beanManager, ClassLoader loader) {
    this.server = server;
    this.beanManager = beanManager;
    this.loader = loader;
    this.requestContexts = beanManager.createInstance().select(RequestContextController.class);
  }

  void bind(List<HandlerMethod> handlers, List<Bean<?>> middlewares) {
    Map<String, List<HandlerMethod>> byNamespace = new TreeMap<>();
    for (HandlerMethod h : handlers) {
      byNamespace.computeIfAbsent(h.namespace(), k -> new ArrayList<>()).add(h);
    }
    Map<String, List<Bean<?>>> middlewaresByNamespace = new TreeMap<>();
    for (Bean<?> bean : middlewares) {
      middlewaresByNamespace.computeIfAbsent(namespaceOf(bean), k -> new ArrayList<>()).add(bean);
    }
    Set<String> names = new TreeSet<>(byNamespace.keySet());
    names.addAll(middlewaresByNamespace.keySet());
    for (String name : names) {
      Namespace nsp = name.equals("/") ? server.sockets() : server.of(name);
      List<Bean<?>> beans = new ArrayList<>(middlewaresByNamespace.getOrDefault(name, List.of()));
      beans.sort(
          Comparator.<Bean<?>>comparingInt(Dispatcher::priority)
              .thenComparing(b -> b.getBeanClass().getName()));
      for (Bean<?> bean : beans) {
        Middleware m =
            (Middleware)
                beanManager.getReference(
                    bean, Middleware.class, beanManager.createCreationalContext(bean));
        nsp.use((socket, next) -> inContext(socket, null, () -> m.handle(socket, next)));
        LOG.log(Level.DEBUG, "middleware {0} guards namespace {1}", bean.getBeanClass(), name);
      }
      List<HandlerMethod> list = byNamespace.getOrDefault(name, List.of());
      if (!list.isEmpty()) {
        bindNamespace(nsp, list);
      }
    }
  }

  private void bindNamespace(Namespace nsp, List<HandlerMethod> list) {
    List<HandlerMethod> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparingInt(h -> h.observer().getPriority()));
    List<HandlerMethod> connection = new ArrayList<>();
    List<HandlerMethod> disconnect = new ArrayList<>();
    Map<String, List<HandlerMethod>> events = new LinkedHashMap<>();
    for (HandlerMethod h : sorted) {
      switch (h.kind()) {
        case CONNECTION -> connection.add(h);
        case DISCONNECT -> disconnect.add(h);
        case EVENT -> events.computeIfAbsent(h.event(), k -> new ArrayList<>()).add(h);
      }
      LOG.log(Level.DEBUG, "{0} handles {1} {2} on {3}", h.description(), h.kind(), h.event(), nsp);
    }
    nsp.onConnection(
        socket -> {
          // Listeners first: an event the client sends right after connecting waits in the
          // socket's sequence behind the connection observers, and finds its observers.
          events.forEach((name, observers) -> socket.on(name, e -> onEvent(observers, e)));
          if (!disconnect.isEmpty()) {
            socket.onDisconnect(
                (reason, description) -> {
                  Disconnection d =
                      new Disconnection(socket, reason, description == null ? "" : description);
                  for (HandlerMethod h : disconnect) {
                    Object payload =
                        h.binding() == HandlerMethod.Binding.DISCONNECTION ? d : socket;
                    deliver(h, payload, socket, null);
                  }
                });
          }
          for (HandlerMethod h : connection) {
            deliver(h, socket, socket, null);
          }
        });
  }

  private void onEvent(List<HandlerMethod> observers, Event event) {
    String problem = null;
    boolean taken = false;
    for (HandlerMethod h : observers) {
      Object payload =
          switch (h.binding()) {
            case SOCKET -> event.socket();
            case EVENT -> event;
            default -> {
              Bound b = bindFirst(h, event);
              if (b.problem() != null) {
                problem = b.problem();
                logBindingFailure(h, event, b.problem());
              }
              yield b.value();
            }
          };
      if (payload != null) {
        taken = true;
        deliver(h, payload, event.socket(), event);
      }
    }
    if (!taken && problem != null && event.wantsAck()) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("error", "invalid payload");
      error.put("message", "event \"" + event.name() + "\": " + problem);
      event.ack(error);
    }
  }

  /** The first argument bound to the observed type, or why it does not bind. */
  private static Bound bindFirst(HandlerMethod h, Event event) {
    if (event.size() == 0) {
      return new Bound(null, "it has no argument");
    }
    try {
      Type type = h.observedType();
      Object value = type instanceof Class<?> c ? event.get(0, boxed(c)) : event.get(0, type);
      return value == null ? new Bound(null, "its first argument is null") : new Bound(value, null);
    } catch (IllegalArgumentException | IndexOutOfBoundsException | ClassCastException e) {
      return new Bound(null, "its first argument does not have the expected form");
    }
  }

  /** A bound argument, or (value null) the problem. */
  private record Bound(Object value, String problem) {}

  /**
   * One line, no stack trace: at WARNING once a minute per observer method (a client sending bad
   * payloads cannot fill the log), at DEBUG otherwise.
   */
  private void logBindingFailure(HandlerMethod h, Event event, String problem) {
    long now = System.nanoTime();
    Long last = lastBindWarning.get(h.description());
    boolean warn =
        (last == null || now - last > BIND_WARNING_PERIOD_NANOS)
            && (last == null
                ? lastBindWarning.putIfAbsent(h.description(), now) == null
                : lastBindWarning.replace(h.description(), last, now));
    LOG.log(
        warn ? Level.WARNING : Level.DEBUG,
        "event \"{0}\" on {1} from socket {2} not handled by {3}: {4}",
        event.name(),
        event.socket().nsp().name(),
        event.socket().id(),
        h.description(),
        problem);
  }

  private void deliver(HandlerMethod h, Object payload, Socket socket, Event event) {
    if (h.async()) {
      try {
        asyncExecutor().execute(() -> call(h, payload, socket, event));
      } catch (RejectedExecutionException e) {
        LOG.log(
            Level.WARNING,
            "{0} not called: too many asynchronous observers waiting ({1})",
            h.description(),
            e.getMessage());
      }
    } else {
      call(h, payload, socket, event);
    }
  }

  private void call(HandlerMethod h, Object payload, Socket socket, Event event) {
    try {
      inContext(socket, event, () -> notify(h, payload));
    } catch (Exception e) {
      LOG.log(
          Level.WARNING,
          "Socket.IO observer " + h.description() + " failed on socket " + socket.id(),
          e);
    }
  }

  @SuppressWarnings("unchecked")
  private static void notify(HandlerMethod h, Object payload) {
    ObserverMethod<Object> observer = (ObserverMethod<Object>) h.observer();
    observer.notify(new Context(payload, h));
  }

  /** Runs {@code body} with the application's loader, a request context and the handler context. */
  private void inContext(Socket socket, Event event, Body body) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previousLoader = thread.getContextClassLoader();
    HandlerContext previous = HandlerContext.enter(new HandlerContext(socket, event));
    RequestContextController controller = null;
    boolean activated = false;
    try {
      thread.setContextClassLoader(loader);
      controller = requestContexts.get();
      activated = controller.activate();
      body.run();
    } finally {
      try {
        if (activated) {
          controller.deactivate();
        }
        if (controller != null) {
          requestContexts.destroy(controller);
        }
      } finally {
        HandlerContext.restore(previous);
        thread.setContextClassLoader(previousLoader);
      }
    }
  }

  private Executor asyncExecutor() {
    return server.options().handlerExecutor().orElseGet(this::ownAsync);
  }

  /**
   * The pool of asynchronous observers when the server has no handler executor configured: bounded
   * (threads and queue), so that clients sending events to slow asynchronous observers cannot
   * create threads without end; what does not fit is refused (and logged) instead.
   */
  private synchronized ExecutorService ownAsync() {
    if (closed) {
      throw new RejectedExecutionException("the application is stopping");
    }
    if (ownAsync == null) {
      ThreadPoolExecutor pool =
          new ThreadPoolExecutor(
              ASYNC_THREADS_MAX,
              ASYNC_THREADS_MAX,
              60,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(ASYNC_QUEUE),
              r -> {
                Thread t = new Thread(r, "socketio-async-" + ASYNC_THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
      pool.allowCoreThreadTimeOut(true);
      ownAsync = pool;
    }
    return ownAsync;
  }

  /** Stops the asynchronous observers' own pool (the application stops), waiting a little. */
  void close() {
    ExecutorService pool;
    synchronized (this) {
      closed = true;
      pool = ownAsync;
    }
    if (pool == null) {
      return;
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
        List<Runnable> dropped = pool.shutdownNow();
        LOG.log(
            Level.WARNING,
            "asynchronous Socket.IO observers still running at shutdown were interrupted ({0}"
                + " not started)",
            dropped.size());
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private static String namespaceOf(Bean<?> bean) {
    for (Annotation q : bean.getQualifiers()) {
      if (q instanceof io.socketiojakarta.annotation.SocketNamespace n) {
        return n.value();
      }
    }
    return "/";
  }

  /** The bean class's {@code @Priority}, read by name: the annotation API may be absent. */
  private static int priority(Bean<?> bean) {
    for (Annotation a : bean.getBeanClass().getAnnotations()) {
      if (a.annotationType().getName().equals("jakarta.annotation.Priority")) {
        try {
          return (Integer) a.annotationType().getMethod("value").invoke(a);
        } catch (ReflectiveOperationException | RuntimeException e) {
          break;
        }
      }
    }
    return Integer.MAX_VALUE / 2;
  }

  private static Class<?> boxed(Class<?> c) {
    if (!c.isPrimitive()) {
      return c;
    }
    return java.lang.invoke.MethodType.methodType(c).wrap().returnType();
  }

  @FunctionalInterface
  private interface Body {
    void run() throws Exception;
  }

  /** The event as the observer receives it. */
  private record Context(Object event, HandlerMethod handler)
      implements EventContext<Object>, EventMetadata {
    @Override
    public Object getEvent() {
      return event;
    }

    @Override
    public EventMetadata getMetadata() {
      return this;
    }

    @Override
    public Set<Annotation> getQualifiers() {
      return handler.observer().getObservedQualifiers();
    }

    @Override
    public InjectionPoint getInjectionPoint() {
      return null;
    }

    @Override
    public Type getType() {
      return handler.observedType();
    }
  }
}
