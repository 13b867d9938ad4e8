package io.socketiojakarta.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium sessions driven by Selenium through the system's {@code chromedriver} (Debian's
 * {@code chromium} and {@code chromium-driver} packages), each with a fresh profile. Tests that
 * need one call {@link #require()} first: without the two programs they are skipped, except in CI
 * ({@code CI=true}) where they fail. {@link #close()} quits every browser and deletes the profiles.
 */
final class Browsers implements AutoCloseable {
  /** The system property naming the chromium binary; by default {@code chromium} on the PATH. */
  static final String CHROMIUM_PROPERTY = "it.chromium";

  /** The system property naming chromedriver; by default {@code chromedriver} on the PATH. */
  static final String CHROMEDRIVER_PROPERTY = "it.chromedriver";

  private final Path chromium;
  private final Path chromedriver;
  private final List<WebDriver> drivers = new ArrayList<>();
  private final List<Path> profiles = new ArrayList<>();

  private Browsers(Path chromium, Path chromedriver) {
    this.chromium = chromium;
    this.chromedriver = chromedriver;
  }

  /** The browsers of this machine; skips the test (fails it in CI) when they are missing. */
  static Browsers require() {
    Optional<Path> chromium = program(CHROMIUM_PROPERTY, "chromium", "chromium-browser");
    Optional<Path> driver = program(CHROMEDRIVER_PROPERTY, "chromedriver");
    if (chromium.isEmpty() || driver.isEmpty()) {
      String missing =
          (chromium.isEmpty() ? "chromium " : "") + (driver.isEmpty() ? "chromedriver" : "");
      if ("true".equals(System.getenv("CI"))) {
        fail("%s not installed, and CI must run the browser tests", missing.strip());
      }
      Assumptions.abort(missing.strip() + " not installed: browser test skipped");
    }
    return new Browsers(chromium.get(), driver.get());
  }

  /** A new headless browser with its own fresh profile. */
  WebDriver open() {
    Path profile;
    try {
      profile = Files.createTempDirectory("it-chromium-");
    } catch (IOException e) {
      throw new AssertionError("no temporary profile folder", e);
    }
    profiles.add(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    drivers.add(driver);
    return driver;
  }

  /**
   * Saves a PNG screenshot of the page in {@code target/failsafe-reports/} (kept with the test
   * reports) and returns its path.
   */
  static Path screenshot(WebDriver driver, String name) {
    Path dir = Path.of("target", "failsafe-reports");
    try {
      Files.createDirectories(dir);
      File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = dir.resolve(name + ".png");
      Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      Files.deleteIfExists(png.toPath());
      return target.toAbsolutePath();
    } catch (IOException e) {
      throw new AssertionError("screenshot " + name + " not saved", e);
    }
  }

  @Override
  public void close() {
    for (WebDriver d : drivers) {
      try {
        d.quit();
      } catch (RuntimeException e) {
        // a browser that died already: nothing left to stop
      }
    }
    for (Path p : profiles) {
      try (Stream<Path> files = Files.walk(p)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // a profile left in the temporary folder is harmless
      }
    }
  }

  /** The program named by the property, else the first of {@code names} on the PATH. */
  private static Optional<Path> program(String property, String... names) {
    String configured = System.getProperty(property, "");
    if (!configured.isBlank()) {
      Path p = Path.of(configured);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }
}
