package io.socketiojakarta.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.testing.MiniJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Engine.IO over HTTP long-polling with {@link HttpClient} (HTTP/1.1, no automatic decoding). */
public final class EioHttp {
  public static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** An answer, with the moment its body had arrived. */
  public record Res(int status, HttpHeaders headers, byte[] bytes, long at) {
    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    /** The media type of Content-Type in lower case, without parameters ("" when absent). */
    public String mediaType() {
      return header("content-type")
          .map(v -> v.split(";")[0].trim().toLowerCase(Locale.ROOT))
          .orElse("");
    }

    /** The charset parameter of Content-Type in lower case ("" when absent). */
    public String charset() {
      for (String part : header("content-type").orElse("").split(";")) {
        String p = part.trim().toLowerCase(Locale.ROOT);
        if (p.startsWith("charset=")) {
          return p.substring("charset=".length()).replace("\"", "");
        }
      }
      return "";
    }

    @Override
    public String toString() {
      return status + " " + headers.map() + " " + body();
    }
  }

  /** A polling handshake: the sid, the decoded open packet and the answer. */
  public record Handshake(String sid, Map<String, Object> open, Res res) {}

  private final HttpClient client;
  private final URI base;

  /** For the engine at {@code base}, e.g. {@code http://127.0.0.1:PORT/engine.io/}. */
  public EioHttp(URI base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT)
            .build();
  }

  public URI uri(String query) {
    return URI.create(base + "?" + query);
  }

  /** Sends a request; headers as name, value pairs. */
  public CompletableFuture<Res> requestAsync(
      String method, String query, byte[] body, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(query))
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    boolean contentType = false;
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
      contentType |= headers[i].equalsIgnoreCase("content-type");
    }
    if (body != null && !contentType) {
      b.header("Content-Type", "text/plain;charset=UTF-8");
    }
    return client
        .sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(r -> new Res(r.statusCode(), r.headers(), r.body(), Fixture.now()));
  }

  public Res request(String method, String query, byte[] body, String... headers) throws Exception {
    return await(requestAsync(method, query, body, headers));
  }

  public Res get(String query, String... headers) throws Exception {
    return request("GET", query, null, headers);
  }

  public Res post(String query, String body, String... headers) throws Exception {
    return request("POST", query, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  /** A polling handshake that must succeed. */
  public Handshake handshake(String... headers) throws Exception {
    return handshakeWith("EIO=4&transport=polling", headers);
  }

  public Handshake handshakeWith(String query, String... headers) throws Exception {
    Res res = get(query, headers);
    assertThat(res.status()).as("handshake status: %s", res).isEqualTo(200);
    String body = res.body();
    assertThat(body).as("handshake answer").startsWith("0{");
    int end = body.indexOf('\u001e');
    Map<String, Object> open = MiniJson.object(body.substring(1, end < 0 ? body.length() : end));
    return new Handshake((String) open.get("sid"), open, res);
  }

  /** A polling GET of the session. */
  public Res poll(String sid, String... headers) throws Exception {
    return get(q(sid), headers);
  }

  /** A polling GET sent now and answered later. */
  public CompletableFuture<Res> pollLater(String sid, String... headers) {
    return requestAsync("GET", q(sid), null, headers);
  }

  /** A polling POST of a payload. */
  public Res send(String sid, String payload, String... headers) throws Exception {
    return post(q(sid), payload, headers);
  }

  public static String q(String sid) {
    return "EIO=4&transport=polling&sid=" + sid;
  }

  /** POSTs a payload to a new session and returns the body of the next GET. */
  public String echo(String payload) throws Exception {
    Handshake h = handshake();
    Res post = send(h.sid(), payload);
    assertThat(post.status()).as("POST status").isEqualTo(200);
    Res get = poll(h.sid());
    assertThat(get.status()).as("GET status").isEqualTo(200);
    return get.body();
  }

  /** Asserts that the session is gone: a GET is refused 400 with the unknown sid body. */
  public void assertGone(String sid) throws Exception {
    Res res = poll(sid);
    assertThat(res.status()).as("GET on the closed session: %s", res).isEqualTo(400);
    assertThat(res.body()).isEqualTo(Fixture.SID_UNKNOWN);
  }

  /**
   * Asserts that the session disappears within a second (for closes the server learns about a
   * little later, such as a WebSocket closed by the client).
   */
  public void assertGoneSoon(String sid) throws Exception {
    long deadline = Fixture.now() + 1000;
    Res res;
    do {
      res = poll(sid);
      if (res.status() == 400 && res.body().equals(Fixture.SID_UNKNOWN)) {
        return;
      }
      Fixture.pause(20);
    } while (Fixture.now() < deadline);
    assertThat(res.body()).as("the session should be gone").isEqualTo(Fixture.SID_UNKNOWN);
  }

  /** Asserts that a well-behaved client is still served: handshake, POST and echo. */
  public void assertServesEcho() throws Exception {
    assertThat(echo("4still-serving")).isEqualTo("4still-serving");
  }

  public static <T> T await(CompletableFuture<T> f) throws Exception {
    try {
      return f.get(TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw e;
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new AssertionError("no answer within " + TIMEOUT.toMillis() + " ms");
    }
  }
}
