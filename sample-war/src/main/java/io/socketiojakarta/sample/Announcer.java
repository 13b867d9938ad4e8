package io.socketiojakarta.sample;

import io.socketiojakarta.Server;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Tells every socket of the chat something, from outside any handler: the injected {@link Server}
 * emits on the main namespace {@code /}. Any bean of the application may use it.
 */
@ApplicationScoped
public class Announcer {
  @Inject Server io;

  /** Emits {@code announce} {text} to every socket on {@code /}. */
  public void announce(String text) {
    io.emit("announce", new Wire.Announcement(text));
  }
}
