package io.socketiojakarta.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Links over Engine.IO v4 HTTP long-polling with the JDK's asynchronous {@link HttpClient}
 * (HTTP/1.1, keep-alive): the handshake GET, then one GET always pending for what the server sends,
 * and POSTs for what the client sends, one at a time, packets queued meanwhile sent together
 * (separated by {@code \u001e}).
 */
final class PollingLinks implements SioClient.Connector {
  private static final String SEPARATOR = "\u001e";
  private final List<HttpClient> http;
  private final String url;
  private final AtomicInteger next = new AtomicInteger();

  PollingLinks(List<HttpClient> http, URI base) {
    this.http = http;
    this.url = base + "/socket.io/?EIO=4&transport=polling";
  }

  @Override
  public void open(SioClient client) {
    new Link(client, http.get(Math.floorMod(next.getAndIncrement(), http.size()))).handshake();
  }

  private final class Link implements SioClient.Link {
    private final SioClient client;
    private final HttpClient http;
    private final List<String> queue = new ArrayList<>();
    private volatile String sessionUrl;
    private volatile boolean closed;
    private boolean posting;

    Link(SioClient client, HttpClient http) {
      this.client = client;
      this.http = http;
    }

    void handshake() {
      http.sendAsync(get(url), HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, error) -> {
                if (error != null || response.statusCode() != 200) {
                  fail(error != null ? error : new IllegalStateException(response.body()));
                  return;
                }
                String body = response.body();
                int start = body.indexOf("\"sid\":\"") + 7;
                sessionUrl = url + "&sid=" + body.substring(start, body.indexOf('"', start));
                client.opened(this);
                packets(body);
                poll();
              });
    }

    private HttpRequest get(String uri) {
      return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60)).GET().build();
    }

    private void poll() {
      if (closed) {
        return;
      }
      http.sendAsync(get(sessionUrl), HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, error) -> {
                if (error != null || response.statusCode() != 200) {
                  fail(
                      error != null
                          ? error
                          : new IllegalStateException("GET " + response.statusCode()));
                  return;
                }
                packets(response.body());
                poll();
              });
    }

    private void packets(String body) {
      for (String packet : body.split(SEPARATOR)) {
        if (packet.equals("1")) {
          fail(new IllegalStateException("closed by the server"));
          return;
        }
        client.text(packet);
      }
    }

    @Override
    public void sendText(String packet) {
      synchronized (this) {
        if (closed) {
          return;
        }
        queue.add(packet);
        if (posting) {
          return;
        }
        posting = true;
      }
      post();
    }

    private void post() {
      String body;
      synchronized (this) {
        if (queue.isEmpty() || closed) {
          posting = false;
          return;
        }
        body = String.join(SEPARATOR, queue);
        queue.clear();
      }
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(sessionUrl))
              .timeout(Duration.ofSeconds(60))
              .header("Content-Type", "text/plain;charset=UTF-8")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, error) -> {
                if (error != null || response.statusCode() != 200) {
                  fail(
                      error != null
                          ? error
                          : new IllegalStateException("POST " + response.statusCode()));
                  return;
                }
                post();
              });
    }

    @Override
    public void abort() {
      if (!closed && sessionUrl != null) {
        // an Engine.IO close packet ends the session at once (the pending GET gets "6" or "1")
        sendText("1");
      }
      closed = true;
    }

    private void fail(Throwable reason) {
      closed = true;
      client.closed(reason);
    }
  }
}
