package io.socketiojakarta.cdi;

import io.socketiojakarta.Args;
import io.socketiojakarta.DisconnectReason;
import io.socketiojakarta.Disconnection;
import io.socketiojakarta.Event;
import io.socketiojakarta.Middleware;
import io.socketiojakarta.Namespace;
import io.socketiojakarta.Server;
import io.socketiojakarta.Socket;
import io.socketiojakarta.annotation.OnConnection;
import io.socketiojakarta.annotation.OnDisconnect;
import io.socketiojakarta.annotation.OnEvent;
import io.socketiojakarta.annotation.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessObserverMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The portable extension: while the application deploys, it collects the observer methods qualified
 * with {@link OnConnection}, {@link OnDisconnect} or {@link OnEvent} and fails the deployment,
 * naming the method, for one it cannot serve; it collects the {@link Middleware} beans and the
 * namespaces injected with {@link SocketNamespace}; it adds the beans {@link Server}, {@link
 * Namespace} (by qualifier), and, for observer parameters, {@link Socket}, {@link Event} and {@link
 * Event.Acknowledgement}. The container initializer then {@linkplain CdiIntegration#attach
 * attaches} the application's server.
 *
 * <p>Registered through {@code META-INF/services/jakarta.enterprise.inject.spi.Extension}; the
 * container creates one instance per application and calls it on its deployment thread.
 */
public class SocketIoExtension implements Extension {
  private final List<HandlerMethod> handlers = new ArrayList<>();
  private final List<Bean<?>> middlewares = new ArrayList<>();
  private final Set<String> injectedNamespaces = new TreeSet<>(Set.of("/"));
  private volatile Server server;
  private volatile Dispatcher dispatcher;

  /** Created by the container. */
  public SocketIoExtension() {}

  <T, X> void observerMethod(@Observes ProcessObserverMethod<T, X> event) {
    ObserverMethod<T> observer = event.getObserverMethod();
    List<Annotation> kinds = new ArrayList<>();
    String namespace = "/";
    String name = "";
    for (Annotation q : observer.getObservedQualifiers()) {
      if (q instanceof OnConnection || q instanceof OnDisconnect) {
        kinds.add(q);
      } else if (q instanceof OnEvent e) {
        kinds.add(q);
        name = e.value();
      } else if (q instanceof SocketNamespace n) {
        namespace = n.value();
      }
    }
    if (kinds.isEmpty()) {
      return;
    }
    AnnotatedMethod<X> method = event.getAnnotatedMethod();
    String where = describe(observer, method);
    List<String> problems = new ArrayList<>();
    if (kinds.size() > 1) {
      problems.add("has more than one of @OnConnection, @OnDisconnect and @OnEvent");
    }
    if (!namespace.startsWith("/")) {
      problems.add("names namespace \"" + namespace + "\", which does not start with '/'");
    }
    if (observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
      problems.add("observes in a transaction phase; Socket.IO events have no transaction");
    }
    Annotation kind = kinds.get(0);
    Type observed = observer.getObservedType();
    HandlerMethod.Kind handlerKind;
    HandlerMethod.Binding binding = null;
    if (kind instanceof OnConnection) {
      handlerKind = HandlerMethod.Kind.CONNECTION;
      if (observed == Socket.class) {
        binding = HandlerMethod.Binding.SOCKET;
      } else {
        problems.add("observes @OnConnection with type " + observed.getTypeName() + ", not Socket");
      }
    } else if (kind instanceof OnDisconnect) {
      handlerKind = HandlerMethod.Kind.DISCONNECT;
      if (observed == Socket.class) {
        binding = HandlerMethod.Binding.SOCKET;
      } else if (observed == Disconnection.class) {
        binding = HandlerMethod.Binding.DISCONNECTION;
      } else {
        problems.add(
            "observes @OnDisconnect with type "
                + observed.getTypeName()
                + ", neither Disconnection nor Socket");
      }
    } else {
      handlerKind = HandlerMethod.Kind.EVENT;
      if (name.isEmpty()) {
        problems.add("observes @OnEvent with an empty event name");
      } else if (DisconnectReason.RESERVED_EVENTS.contains(name)) {
        problems.add("observes the reserved event name \"" + name + "\"");
      }
      if (observed == Socket.class) {
        binding = HandlerMethod.Binding.SOCKET;
      } else if (observed == Event.class || observed == Args.class) {
        binding = HandlerMethod.Binding.EVENT;
      } else if (hasTypeVariable(observed)) {
        problems.add("observes type " + observed.getTypeName() + ", which JSON-B cannot bind");
      } else {
        binding = HandlerMethod.Binding.FIRST_ARGUMENT;
      }
    }
    if (method != null) {
      for (AnnotatedParameter<X> p : method.getParameters()) {
        if (p.isAnnotationPresent(Observes.class) || p.isAnnotationPresent(ObservesAsync.class)) {
          continue;
        }
        Type type = p.getBaseType();
        if (type == EventMetadata.class) {
          problems.add(
              "has a parameter of type EventMetadata, which Socket.IO observers do not receive");
        }
        if (handlerKind != HandlerMethod.Kind.EVENT
            && (type == Event.class || type == Args.class || type == Event.Acknowledgement.class)) {
          problems.add(
              "has a parameter of type "
                  + type.getTypeName()
                  + ", which only observers of @OnEvent receive");
        }
      }
    }
    if (!problems.isEmpty()) {
      event.addDefinitionError(
          new DeploymentException(
              "Socket.IO observer method " + where + " " + String.join("; ", problems)));
      return;
    }
    synchronized (handlers) {
      handlers.add(
          new HandlerMethod(handlerKind, namespace, name, observer, observed, binding, where));
    }
  }

  void injectionPoint(@Observes ProcessInjectionPoint<?, ?> event) {
    Type type = event.getInjectionPoint().getType();
    if (type == Socket.class
        || type == Event.class
        || type == Args.class
        || type == Event.Acknowledgement.class) {
      if (!isHandlerParameter(event.getInjectionPoint().getAnnotated())) {
        event.addDefinitionError(
            new DeploymentException(
                "a Socket.IO "
                    + type.getTypeName()
                    + " is injected at "
                    + event.getInjectionPoint().getMember()
                    + ": it can only be a parameter of an observer method of @OnConnection,"
                    + " @OnDisconnect or @OnEvent (inject Server or Namespace elsewhere)"));
      }
      return;
    }
    if (type != Namespace.class) {
      return;
    }
    for (Annotation q : event.getInjectionPoint().getQualifiers()) {
      if (q instanceof SocketNamespace n) {
        if (n.value().startsWith("/")) {
          synchronized (injectedNamespaces) {
            injectedNamespaces.add(n.value());
          }
        } else {
          event.addDefinitionError(
              new DeploymentException(
                  "@SocketNamespace(\""
                      + n.value()
                      + "\") at "
                      + event.getInjectionPoint().getMember()
                      + " does not start with '/'"));
        }
      }
    }
  }

  void bean(@Observes ProcessBean<?> event) {
    Bean<?> bean = event.getBean();
    if (bean.getTypes().contains(Middleware.class)) {
      for (Annotation q : bean.getQualifiers()) {
        if (q instanceof SocketNamespace n && !n.value().startsWith("/")) {
          event.addDefinitionError(
              new DeploymentException(
                  "Socket.IO middleware bean "
                      + bean.getBeanClass().getName()
                      + " names namespace \""
                      + n.value()
                      + "\", which does not start with '/'"));
          return;
        }
      }
      synchronized (middlewares) {
        middlewares.add(bean);
      }
    }
  }

  void addBeans(@Observes AfterBeanDiscovery event) {
    event
        .<Server>addBean()
        .id(SocketIoExtension.class.getName() + ":Server")
        .beanClass(SocketIoExtension.class)
        .types(Server.class, Object.class)
        .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
        .scope(ApplicationScoped.class)
        .createWith(c -> server());
    Set<String> names;
    synchronized (injectedNamespaces) {
      names = new TreeSet<>(injectedNamespaces);
    }
    for (String name : names) {
      List<Annotation> qualifiers = new ArrayList<>();
      qualifiers.add(new SocketNamespaceLiteral(name));
      qualifiers.add(Any.Literal.INSTANCE);
      if (name.equals("/")) {
        qualifiers.add(Default.Literal.INSTANCE);
      }
      event
          .<Namespace>addBean()
          .id(SocketIoExtension.class.getName() + ":Namespace:" + name)
          .beanClass(SocketIoExtension.class)
          .types(Namespace.class, Object.class)
          .qualifiers(qualifiers.toArray(Annotation[]::new))
          .scope(ApplicationScoped.class)
          .createWith(c -> name.equals("/") ? server().sockets() : server().of(name));
    }
    event
        .<Socket>addBean()
        .id(SocketIoExtension.class.getName() + ":Socket")
        .beanClass(SocketIoExtension.class)
        .types(Socket.class, Object.class)
        .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
        .scope(Dependent.class)
        .createWith(c -> HandlerContext.socket());
    event
        .<Event>addBean()
        .id(SocketIoExtension.class.getName() + ":Event")
        .beanClass(SocketIoExtension.class)
        .types(Event.class, Args.class, Object.class)
        .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
        .scope(Dependent.class)
        .createWith(c -> HandlerContext.event());
    event
        .<Event.Acknowledgement>addBean()
        .id(SocketIoExtension.class.getName() + ":Acknowledgement")
        .beanClass(SocketIoExtension.class)
        .types(Event.Acknowledgement.class, Object.class)
        .qualifiers(Default.Literal.INSTANCE, Any.Literal.INSTANCE)
        .scope(Dependent.class)
        .createWith(c -> HandlerContext.acknowledgement());
  }

  /** Binds the collected observers and middlewares to the application's server (once). */
  synchronized void attach(Server server, BeanManager beanManager, ClassLoader loader) {
    if (this.server != null) {
      throw new IllegalStateException("this application's server is already attached");
    }
    this.server = server;
    List<HandlerMethod> h;
    synchronized (handlers) {
      h = List.copyOf(handlers);
    }
    List<Bean<?>> m;
    synchronized (middlewares) {
      m = List.copyOf(middlewares);
    }
    Dispatcher d = new Dispatcher(server, beanManager, loader);
    d.bind(h, m);
    dispatcher = d;
  }

  /** Releases what {@link #attach} started (the application stops). */
  void detach() {
    Dispatcher d = dispatcher;
    if (d != null) {
      d.close();
    }
  }

  private Server server() {
    Server s = server;
    if (s == null) {
      throw new IllegalStateException(
          "the Socket.IO server is not started yet (it starts with the web application)");
    }
    return s;
  }

  private static String describe(ObserverMethod<?> observer, AnnotatedMethod<?> method) {
    if (method == null) {
      return observer.getBeanClass().getName() + " (synthetic observer)";
    }
    return method.getJavaMember().getDeclaringClass().getName()
        + "."
        + method.getJavaMember().getName()
        + "("
        + java.util.Arrays.stream(method.getJavaMember().getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", "))
        + ")";
  }

  /** Whether an injection point is a parameter of a Socket.IO observer method. */
  private static boolean isHandlerParameter(Annotated annotated) {
    if (!(annotated instanceof AnnotatedParameter<?> parameter)
        || !(parameter.getDeclaringCallable() instanceof AnnotatedMethod<?> method)) {
      return false;
    }
    for (AnnotatedParameter<?> p : method.getParameters()) {
      if (p.isAnnotationPresent(Observes.class) || p.isAnnotationPresent(ObservesAsync.class)) {
        return p.isAnnotationPresent(OnConnection.class)
            || p.isAnnotationPresent(OnDisconnect.class)
            || p.isAnnotationPresent(OnEvent.class);
      }
    }
    return false;
  }

  private static boolean hasTypeVariable(Type type) {
    if (type instanceof TypeVariable<?>) {
      return true;
    }
    if (type instanceof ParameterizedType p) {
      for (Type a : p.getActualTypeArguments()) {
        if (hasTypeVariable(a)) {
          return true;
        }
      }
      return false;
    }
    if (type instanceof GenericArrayType g) {
      return hasTypeVariable(g.getGenericComponentType());
    }
    if (type instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        if (hasTypeVariable(b)) {
          return true;
        }
      }
      for (Type b : w.getLowerBounds()) {
        if (hasTypeVariable(b)) {
          return true;
        }
      }
    }
    return false;
  }
}
