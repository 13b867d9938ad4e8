package io.socketiojakarta.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Links over the JDK's asynchronous {@link WebSocket}, on a few shared {@link HttpClient}s (round
 * robin). Sends are queued so that at most one is outstanding, as the JDK WebSocket requires.
 */
final class JdkLinks implements SioClient.Connector {
  private final List<HttpClient> http;
  private final URI uri;
  private final AtomicInteger next = new AtomicInteger();

  JdkLinks(List<HttpClient> http, URI base) {
    this.http = http;
    this.uri = URI.create(base.toString().replaceFirst("^http", "ws") + SioClient.PATH);
  }

  @Override
  public void open(SioClient client) {
    Link link = new Link(client);
    http.get(Math.floorMod(next.getAndIncrement(), http.size()))
        .newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(30))
        .buildAsync(uri, link)
        .whenComplete(
            (ws, error) -> {
              if (error != null) {
                client.closed(error);
              }
            });
  }

  private static final class Link implements SioClient.Link, WebSocket.Listener {
    private final SioClient client;
    private final StringBuilder partial = new StringBuilder();
    private final ArrayDeque<String> outbox = new ArrayDeque<>();
    private volatile WebSocket ws;
    private boolean sending;

    Link(SioClient client) {
      this.client = client;
    }

    @Override
    public void sendText(String frame) {
      synchronized (this) {
        if (sending) {
          outbox.add(frame);
          return;
        }
        sending = true;
      }
      write(frame);
    }

    private void write(String frame) {
      ws.sendText(frame, true).whenComplete((w, e) -> sent());
    }

    private void sent() {
      String next;
      synchronized (this) {
        next = outbox.poll();
        if (next == null) {
          sending = false;
          return;
        }
      }
      write(next);
    }

    @Override
    public void abort() {
      WebSocket w = ws;
      if (w != null) {
        w.abort();
      }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      this.ws = webSocket;
      client.opened(this);
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      if (!last) {
        partial.append(data);
      } else {
        String frame;
        if (partial.length() == 0) {
          frame = data.toString();
        } else {
          frame = partial.append(data).toString();
          partial.setLength(0);
        }
        client.text(frame);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      client.closed(new IllegalStateException("closed " + statusCode));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      client.closed(error);
    }
  }
}
