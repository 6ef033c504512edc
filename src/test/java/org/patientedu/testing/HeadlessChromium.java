package org.patientedu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium through Debian's chromedriver (installed by
 * .ci/run), in a fresh profile removed on close: the browser of the page tests.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final String CHROMIUM = System.getProperty("edu.chromium", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getProperty("edu.chromedriver", "/usr/bin/chromedriver");

  private final Path profileDir;
  private final ChromeDriver browser;

  private HeadlessChromium(Path profileDir, ChromeDriver browser) {
    this.profileDir = profileDir;
    this.browser = browser;
  }

  public static HeadlessChromium start() throws IOException {
    assertThat(Path.of(CHROMIUM)).as("Debian chromium (apt-get install chromium)").isExecutable();
    assertThat(Path.of(CHROMEDRIVER))
        .as("Debian chromedriver (apt-get install chromium-driver)")
        .isExecutable();
    Path profileDir = Files.createTempDirectory("edu-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--lang=en-US",
        "--user-data-dir=" + profileDir);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    browser.manage().window().setSize(new Dimension(1280, 1000));
    return new HeadlessChromium(profileDir, browser);
  }

  public ChromeDriver browser() {
    return browser;
  }

  /**
   * Waits until the condition holds. A click that submits a form or follows a link returns before
   * the next page has loaded, so a test that reads the page straight after it races the browser.
   */
  public <T> T waitFor(ExpectedCondition<T> condition) {
    return new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
  }

  @Override
  public void close() throws IOException {
    browser.quit();
    try (Stream<Path> files = Files.walk(profileDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }
}
