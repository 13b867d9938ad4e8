package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** HTTP long-polling framing: POST answers, {@code \x1e} batching, {@code b}+base64, UTF-8. */
class PollingTest extends FixtureServer {

  @Test
  void postIsAnswered200WithBodyExactlyOkAsTextHtml() throws Exception {
    String sid = http.handshake().sid();
    EioHttp.Res res = http.send(sid, "4hello");
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).isEqualTo("ok");
    assertThat(res.mediaType()).isEqualTo("text/html");
  }

  @Test
  void textMessageComesBackOnNextGetAsTextPlainUtf8() throws Exception {
    String sid = http.handshake().sid();
    http.send(sid, "4hello");
    EioHttp.Res res = http.poll(sid);
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).isEqualTo("4hello");
    assertThat(res.mediaType()).isEqualTo("text/plain");
    assertThat(res.charset()).isEqualTo("utf-8");
  }

  @Test
  void threePacketsInOnePostComeBackJoinedByRecordSeparator() throws Exception {
    assertThat(http.echo("4test1\u001e4test2\u001e4test3"))
        .isEqualTo("4test1\u001e4test2\u001e4test3");
  }

  @Test
  void binaryAsBase64WithBPrefixComesBackAsBase64() throws Exception {
    assertThat(http.echo("4hello\u001ebAQIDBA==")).isEqualTo("4hello\u001ebAQIDBA==");
  }

  @Test
  void emptyTextAndEmptyBinaryMessagesComeBack() throws Exception {
    assertThat(http.echo("4\u001eb")).isEqualTo("4\u001eb");
  }

  @Test
  void multiByteUtf8TextComesBackIntact() throws Exception {
    assertThat(http.echo("4€😀日本")).isEqualTo("4€😀日本");
  }

  @Test
  void punctuationAndJsonInTextMessagesComeBackVerbatim() throws Exception {
    // a text message may contain any character but \x1e, which always separates packets
    assertThat(http.echo("4a,b;c\u001e4{\"k\":[1]}")).isEqualTo("4a,b;c\u001e4{\"k\":[1]}");
  }

  @Test
  void postWithoutContentTypeIsAccepted() throws Exception {
    String sid = http.handshake().sid();
    RawHttp.Response res =
        RawHttp.exchange(
            server.port(),
            "POST "
                + server.uri(PATH).getRawPath()
                + "?"
                + EioHttp.q(sid)
                + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1\r\nContent-Length: 6\r\nConnection: close\r\n\r\n4plain");
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).isEqualTo("ok");
    assertThat(http.poll(sid).body()).isEqualTo("4plain");
  }

  @Test
  void thousandPacketsInOnePostComeBackInOrderInOneAnswer() throws Exception {
    String payload =
        java.util.stream.IntStream.range(0, 1000)
            .mapToObj(i -> "4m" + i)
            .collect(java.util.stream.Collectors.joining("\u001e"));
    assertThat(http.echo(payload)).isEqualTo(payload);
  }

  @Test
  void packetsQueuedByTwoPostsAreFlushedTogether() throws Exception {
    String sid = http.handshake().sid();
    assertThat(http.send(sid, "4a").body()).isEqualTo("ok");
    assertThat(http.send(sid, "4b").body()).isEqualTo("ok");
    assertThat(http.poll(sid).body()).isEqualTo("4a\u001e4b");
  }

  @Test
  void pendingGetIsAnsweredAsSoonAsAPacketIsQueued() throws Exception {
    String sid = http.handshake().sid();
    CompletableFuture<EioHttp.Res> pending = http.pollLater(sid);
    Fixture.pause(Fixture.SETTLE);
    long posted = Fixture.now();
    http.send(sid, "4x");
    EioHttp.Res res = EioHttp.await(pending);
    assertThat(res.body()).isEqualTo("4x");
    assertThat(res.at() - posted)
        .as("answered right after the POST, not with the ping")
        .isLessThan(Fixture.PING_INTERVAL - Fixture.SETTLE);
  }

  @Test
  void getOfAnIdleSessionIsHeldUntilThePing() throws Exception {
    EioHttp.Handshake h = http.handshake();
    EioHttp.Res res = http.poll(h.sid());
    assertThat(res.body()).isEqualTo("2");
    Fixture.assertAbout(
        res.at() - h.res().at(), Fixture.PING_INTERVAL, "held GET answered with the ping");
  }
}
