package io.socketiojakarta.config;

import jakarta.servlet.ServletException;
import java.lang.System.Logger.Level;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The application's {@link SocketIoConfigurer}s among the classes the container found: the concrete
 * public (top-level or static nested) classes, created with their public no-argument constructor,
 * in the order of their class names. Interfaces, abstract classes and classes that cannot be named
 * from outside (anonymous, local, inner, not public) are not configurers of their own and are
 * skipped.
 */
final class Configurers {
  private static final System.Logger LOG = System.getLogger(Configurers.class.getName());

  private Configurers() {}

  /** One configurer and its class name, for messages. */
  record Named(String name, SocketIoConfigurer configurer) {}

  /**
   * Creates the configurers.
   *
   * @throws ServletException when one has no public no-argument constructor or its constructor
   *     throws
   */
  static List<Named> instantiate(Collection<Class<?>> classes) throws ServletException {
    List<Class<?>> types =
        classes.stream()
            .filter(SocketIoConfigurer.class::isAssignableFrom)
            .filter(Configurers::instantiable)
            .sorted(Comparator.comparing(Class::getName))
            .toList();
    classes.stream()
        .filter(SocketIoConfigurer.class::isAssignableFrom)
        .filter(c -> !c.isInterface() && !Modifier.isAbstract(c.getModifiers()))
        .filter(c -> !instantiable(c))
        .forEach(
            c ->
                LOG.log(
                    Level.WARNING,
                    "SocketIoConfigurer {0} is not used: it must be a public top-level or static"
                        + " nested class with a public no-argument constructor",
                    c.getName()));
    List<Named> configurers = new ArrayList<>();
    for (Class<?> type : types) {
      String name = type.getName();
      try {
        Object instance = type.getConstructor().newInstance();
        configurers.add(new Named(name, (SocketIoConfigurer) instance));
      } catch (NoSuchMethodException e) {
        throw new ServletException(
            "socketio: SocketIoConfigurer " + name + " has no public no-argument constructor", e);
      } catch (InvocationTargetException e) {
        throw new ServletException(
            "socketio: SocketIoConfigurer " + name + " could not be created: " + e.getCause(),
            e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new ServletException(
            "socketio: SocketIoConfigurer " + name + " could not be created: " + e, e);
      }
    }
    return configurers;
  }

  private static boolean instantiable(Class<?> c) {
    int m = c.getModifiers();
    return !c.isInterface()
        && !Modifier.isAbstract(m)
        && Modifier.isPublic(m)
        && !c.isAnonymousClass()
        && !c.isLocalClass()
        && (!c.isMemberClass() || Modifier.isStatic(m));
  }
}
