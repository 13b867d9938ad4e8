package io.socketiojakarta.core;

import io.socketiojakarta.Event;
import io.socketiojakarta.EventListener;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Named event listeners of a socket ({@code on}, {@code once}, {@code off}). */
final class EventListeners {
  private static final System.Logger LOG = System.getLogger(EventListeners.class.getName());

  private record Entry(EventListener listener, boolean once) {}

  private final Map<String, List<Entry>> byName = new ConcurrentHashMap<>();

  void add(String event, EventListener listener, boolean once) {
    byName.computeIfAbsent(event, k -> new CopyOnWriteArrayList<>()).add(new Entry(listener, once));
  }

  void remove(String event, EventListener listener) {
    List<Entry> list = byName.get(event);
    if (list != null) {
      for (Entry e : list) {
        if (e.listener() == listener) {
          list.remove(e);
          break;
        }
      }
    }
  }

  void removeAll(String event) {
    byName.remove(event);
  }

  void clear() {
    byName.clear();
  }

  List<EventListener> listeners(String event) {
    List<Entry> list = byName.get(event);
    return list == null ? List.of() : list.stream().map(Entry::listener).toList();
  }

  java.util.Set<String> names() {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    byName.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            out.add(k);
          }
        });
    return out;
  }

  /** Calls the listeners of {@code event.name()}; a failing listener is logged. */
  void fire(String name, Event event) {
    List<Entry> list = byName.get(name);
    if (list == null) {
      return;
    }
    for (Entry e : list) {
      if (e.once() && !list.remove(e)) {
        continue; // another thread fired it already
      }
      try {
        e.listener().onEvent(event);
      } catch (Exception ex) {
        LOG.log(Level.WARNING, "listener of event \"" + name + "\" failed", ex);
      }
    }
  }

  /** Fires a reserved event ({@code disconnect}...) whose arguments are plain strings. */
  void fire(String name, CoreSocket socket, List<Object> args) {
    if (byName.containsKey(name)) {
      fire(name, new ReceivedEvent(name, args, socket, -1));
    }
  }
}
