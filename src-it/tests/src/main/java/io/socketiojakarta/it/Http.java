package io.socketiojakarta.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP against a deployment, every call bounded in time. */
final class Http {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /** A path relative to the deployment's base URL (which ends with its context path and '/'). */
  static URI resolve(URL base, String relative) {
    try {
      return base.toURI().resolve(relative);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(base.toString(), e);
    }
  }

  static HttpResponse<String> get(URI uri) {
    return send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build());
  }

  static HttpResponse<String> post(URI uri, String body) {
    return send(
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The session id of an Engine.IO open packet {@code 0{"sid":"..."...}}. */
  static String sidOf(String openPacket) {
    int start = openPacket.indexOf("\"sid\":\"") + 7;
    return openPacket.substring(start, openPacket.indexOf('"', start));
  }
}
