package io.socketiojakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample's page in two real headless Chromium sessions, one forced to long-polling ({@code
 * ?transport=polling}) and one to WebSocket ({@code ?transport=websocket}): each page shows its
 * transport, both join one room and chat both ways, the typing indicator shows on the other page,
 * the user list shows both, a private message and an image (previewed from a Blob URL) arrive; a
 * third page, without a forced transport, shows the upgrade to WebSocket. Screenshots of the pages
 * go to {@code target/failsafe-reports/}. Skipped where chromium or chromedriver is missing (failed
 * in CI).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleBrowserIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployments.sample();
  }

  @ArquillianResource URL base;

  @Test
  void twoBrowsersChatOverPollingAndWebSocket() throws Exception {
    try (Browsers browsers = Browsers.require()) {
      WebDriver ann = browsers.open();
      WebDriver bob = browsers.open();
      try {
        chat(ann, bob);
      } finally {
        Browsers.screenshot(ann, "SampleBrowserIT-ann-polling");
        Browsers.screenshot(bob, "SampleBrowserIT-bob-websocket");
      }
    }
  }

  @Test
  void withoutAForcedTransportThePageShowsTheUpgrade() {
    try (Browsers browsers = Browsers.require()) {
      WebDriver carol = browsers.open();
      try {
        carol.get(Http.resolve(base, "").toString());
        carol.findElement(By.id("name")).sendKeys("carol");
        carol.findElement(By.id("connect")).click();
        waitFor(
            carol,
            "carol connected",
            d -> "connected".equals(d.findElement(By.id("status")).getAttribute("data-state")));
        // the client starts with long-polling, then upgrades to WebSocket
        waitFor(carol, "the upgrade shown", d -> text(d, "transport").equals("websocket"));
      } finally {
        Browsers.screenshot(carol, "SampleBrowserIT-carol-upgraded");
      }
    }
  }

  private void chat(WebDriver ann, WebDriver bob) throws IOException {
    enter(ann, "polling", "ann");
    enter(bob, "websocket", "bob");
    assertThat(ann.findElement(By.tagName("body")).getText()).contains("socketio-jakarta");

    String room = "browsers-" + UUID.randomUUID().toString().substring(0, 6);
    join(ann, room);
    join(bob, room);
    // bob's arrival is announced on ann's page
    waitFor(ann, "presence of bob in " + room, d -> lines(d, "presence", room, "bob joined"));

    // typing: ann presses keys, bob's page shows the indicator for the current room
    WebElement message = ann.findElement(By.id("message"));
    String typed = "hello from polling";
    for (int i = 0; i < typed.length(); i++) {
      message.sendKeys(typed.substring(i, i + 1));
      if (bob.findElement(By.id("typing")).getText().contains("ann is typing")) {
        break;
      }
      sleepBetweenKeys();
    }
    waitFor(bob, "typing indicator", d -> text(d, "typing").contains("ann is typing"));
    message.clear();
    message.sendKeys(typed);
    ann.findElement(By.id("send")).click();
    waitFor(bob, "ann's message", d -> lines(d, "chat", room, typed));
    waitFor(ann, "ann's message acknowledged", d -> acked(d, typed));
    waitFor(bob, "typing indicator cleared", d -> text(d, "typing").isEmpty());

    bob.findElement(By.id("message")).sendKeys("hello from websocket");
    bob.findElement(By.id("send")).click();
    waitFor(ann, "bob's message", d -> lines(d, "chat", room, "hello from websocket"));

    // the user list, then a private message from bob to ann, chosen in it
    bob.findElement(By.id("refresh-users")).click();
    waitFor(
        bob,
        "both users listed",
        d -> {
          List<String> names =
              d.findElements(By.cssSelector("#users li")).stream()
                  .map(li -> li.getAttribute("data-name"))
                  .toList();
          return names.contains("ann") && names.contains("bob");
        });
    bob.findElement(By.cssSelector("#users li[data-name='ann']")).click();
    waitFor(bob, "private form", d -> d.findElement(By.id("private-form")).isDisplayed());
    assertThat(text(bob, "private-to")).isEqualTo("ann");
    bob.findElement(By.id("private-text")).sendKeys("a secret for ann");
    bob.findElement(By.id("private-send")).click();
    waitFor(ann, "bob's private message", d -> lines(d, "private", null, "a secret for ann"));

    // an image shared by ann shows on bob's page, decoded from a Blob URL
    Path png = Files.createTempFile("it-image-", ".png");
    try {
      BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
      for (int x = 0; x < 24; x++) {
        for (int y = 0; y < 16; y++) {
          image.setRGB(x, y, x < 12 ? 0x3366cc : 0xcc3333);
        }
      }
      ImageIO.write(image, "png", png.toFile());
      ann.findElement(By.id("file")).sendKeys(png.toAbsolutePath().toString());
      ann.findElement(By.id("send-file")).click();
      waitFor(ann, "file acknowledged", d -> text(d, "file-status").equals("delivered"));
      waitFor(
          bob,
          "image preview",
          d ->
              Boolean.TRUE.equals(
                  ((JavascriptExecutor) d)
                      .executeScript(
                          "const img = document.querySelector('#messages li.file img');"
                              + " return !!img && img.src.startsWith('blob:')"
                              + " && img.complete && img.naturalWidth === 24;")));
    } finally {
      Files.deleteIfExists(png);
    }

    // still on the transports they were forced to
    assertThat(text(ann, "transport")).isEqualTo("polling");
    assertThat(text(bob, "transport")).isEqualTo("websocket");
  }

  /** Opens the page with the transport forced and enters the chat with that name. */
  private void enter(WebDriver driver, String transport, String name) {
    driver.get(Http.resolve(base, "?transport=" + transport).toString());
    waitFor(driver, "the page", d -> text(d, "status").equals("offline"));
    driver.findElement(By.id("name")).sendKeys(name);
    driver.findElement(By.id("connect")).click();
    waitFor(
        driver,
        name + " connected",
        d -> "connected".equals(d.findElement(By.id("status")).getAttribute("data-state")));
    waitFor(driver, name + "'s welcome", d -> text(d, "me").equals("you are " + name));
    assertThat(text(driver, "transport")).isEqualTo(transport);
  }

  private static void join(WebDriver driver, String room) {
    driver.findElement(By.id("room-name")).sendKeys(room);
    driver.findElement(By.id("join")).click();
    waitFor(driver, "current room " + room, d -> text(d, "current-room").equals(room));
  }

  /** Whether the message list has a line of that kind (and room) whose text contains {@code s}. */
  private static boolean lines(WebDriver d, String kind, String room, String s) {
    return d.findElements(By.cssSelector("#messages li." + kind)).stream()
        .anyMatch(
            li ->
                (room == null || room.equals(li.getAttribute("data-room")))
                    && li.getText().contains(s));
  }

  private static boolean acked(WebDriver d, String s) {
    return d.findElements(By.cssSelector("#messages li.chat.mine")).stream()
        .anyMatch(
            li -> li.getText().contains(s) && "delivered".equals(li.getAttribute("data-ack")));
  }

  private static String text(WebDriver d, String id) {
    return d.findElement(By.id(id)).getText().strip();
  }

  private static void waitFor(
      WebDriver driver, String what, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, WAIT)
        .withMessage(what)
        .pollingEvery(Duration.ofMillis(100))
        .ignoring(StaleElementReferenceException.class)
        .until(condition);
  }

  /** Keys are pressed at a person's pace, so the page sends its typing notice more than once. */
  private static void sleepBetweenKeys() {
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
