package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.patientedu.testing.HeadlessChromium;
import org.patientedu.testing.RunningServerTest;

/**
 * The pages in a real browser: Debian's headless Chromium driven by Selenium through Debian's
 * chromedriver (installed by .ci/run), as a nurse would use them, with axe-core accessibility
 * scans. Saves the screenshots the README shows under target/screenshots/ (never into the
 * repository: README's "Handouts for nurses" gives the command that refreshes docs/screenshots/).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HandoutBrowserIT extends RunningServerTest {

  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("edu.screenshots.dir", "target/screenshots"));
  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

  private HeadlessChromium chromium;
  private ChromeDriver browser;

  @BeforeAll
  void startBrowser() throws IOException {
    chromium = HeadlessChromium.start();
    browser = chromium.browser();
  }

  @AfterAll
  void stopBrowser() throws IOException {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void nurseFiltersOpensChecksAndPrintsInThreeClicks() {
    browser.get(baseUrl() + "/");
    browser.manage().window().setSize(new Dimension(1280, 1400));
    saveScreenshotOfThePackOnly("catalog.png");
    browser.manage().window().setSize(new Dimension(1280, 1000));
    assertThat(browser.getTitle()).isEqualTo("Patient education handouts");

    browser.findElement(By.linkText("Lactation and breastfeeding")).click();
    chromium.waitFor(ExpectedConditions.urlContains("context=lactation"));
    List<String> shown =
        browser.findElements(By.cssSelector("li.card")).stream()
            .map(card -> card.getAttribute("id"))
            .toList();
    assertThat(shown)
        .contains(
            "handout-oxytocin-healthwise", "handout-oxytocin-goaskalice", "handout-oxytocin-perexp")
        .doesNotContain("handout-oxytocin-noigroup", "handout-oxytocin-loveandlife");

    // Click 1: the Healthwise handout.
    browser.findElement(By.cssSelector("#handout-oxytocin-healthwise .card__title a")).click();
    chromium.waitFor(ExpectedConditions.urlContains("/handouts/oxytocin-healthwise"));

    WebElement banner = browser.findElement(By.id("banner-overdue"));
    assertThat(banner.isDisplayed()).isTrue();
    assertThat(banner.getText()).contains("Overdue for medical review");
    WebElement credits = browser.findElement(By.id("credits"));
    assertThat(credits.getText())
        .contains(
            "Current as of",
            "April 13, 2022",
            "Healthwise Staff",
            "Sarah Marshall, MD – Family Medicine",
            "Kirtly Jones, MD – Obstetrics and Gynecology",
            "Healthwise, Incorporated",
            "1.0.0",
            "does not replace the advice");

    browser.manage().window().setSize(new Dimension(1280, 1500));
    saveScreenshotOfThePackOnly("handout.png");
    browser.manage().window().setSize(new Dimension(1280, 1000));

    // Click 2: Print opens the browser's print dialog (click 3 is the dialog's own Print button).
    ((JavascriptExecutor) browser)
        .executeScript("window.__printed = 0; window.print = function () { window.__printed++; };");
    browser.findElement(By.id("print-button")).click();
    assertThat(
            ((Number) ((JavascriptExecutor) browser).executeScript("return window.__printed;"))
                .intValue())
        .isEqualTo(1);
    assertThat(browser.getCurrentUrl()).endsWith("/handouts/oxytocin-healthwise");

    browser.findElement(By.id("size-toggle")).click();
    chromium.waitFor(ExpectedConditions.urlContains("print=large"));
    assertThat(browser.findElement(By.tagName("body")).getAttribute("class"))
        .contains("large-print");
    assertThat(px(browser.findElement(By.cssSelector(".handout__body p")).getCssValue("font-size")))
        .isGreaterThanOrEqualTo(24f);
    assertThat(browser.findElement(By.id("pdf-link")).getAttribute("href")).contains("print=large");
  }

  /**
   * The catalog's choices read whole at ward screen widths, in both languages: beside the search
   * box they were cut off at all three widths ("Any review stat", "Cualquier estado d").
   */
  @Test
  void theCatalogsChoicesAreShownWhole() {
    List<String> cutOff = new java.util.ArrayList<>();
    int[] measured = {0};
    onTheCatalogAtWardWidths(
        (lang, width) -> {
          for (WebElement select : browser.findElements(By.cssSelector(".filters select"))) {
            for (WebElement option : select.findElements(By.tagName("option"))) {
              measured[0]++;
              double spare = spareWidthPx(select, option.getText());
              if (spare < 0) {
                cutOff.add(
                    lang + " at " + width + " px: \"" + option.getText() + "\" (" + spare + ")");
              }
            }
          }
        });
    // 2 languages x 3 widths x (5 review choices + "All languages" and English at least: other
    // tests may store pages in other languages)
    assertThat(measured[0]).isGreaterThanOrEqualTo(2 * 3 * (5 + 2));
    assertThat(cutOff).as("choices cut off").isEmpty();
  }

  /**
   * Every card's text column ends at the same place, whatever its review badge says: a badge as
   * wide as its text made the side column, and so the text beside it, change from card to card.
   */
  @Test
  void theCardsTextLinesUpDownTheList() {
    List<String> misaligned = new java.util.ArrayList<>();
    int[] cards = {0};
    onTheCatalogAtWardWidths(
        (lang, width) -> {
          // Where each card's text column ends, and whether its review badge overflows its box.
          @SuppressWarnings("unchecked")
          List<Map<String, Object>> measured =
              (List<Map<String, Object>>)
                  ((JavascriptExecutor) browser)
                      .executeScript(
                          "return [...document.querySelectorAll('.card')].map(card => {"
                              + "const badge = card.querySelector('.card__side .badge');"
                              + "return {right: card.querySelector('.card__main')"
                              + "  .getBoundingClientRect().right,"
                              + " overflow: badge.scrollWidth - badge.clientWidth,"
                              + " badge: badge.textContent};});");
          cards[0] += measured.size();
          double firstRight = ((Number) measured.get(0).get("right")).doubleValue();
          for (Map<String, Object> card : measured) {
            double right = ((Number) card.get("right")).doubleValue();
            String where = lang + " at " + width + " px: ";
            if (Math.abs(right - firstRight) > 0.5) {
              misaligned.add(
                  where + "text ends at " + right + " beside \"" + card.get("badge") + "\"");
            }
            if (((Number) card.get("overflow")).doubleValue() > 0) {
              misaligned.add(where + "\"" + card.get("badge") + "\" overflows");
            }
          }
        });
    // 2 languages x 3 widths x the pack's five pages at least
    assertThat(cards[0]).isGreaterThanOrEqualTo(2 * 3 * 5);
    assertThat(misaligned).as("cards whose text column ends elsewhere").isEmpty();
  }

  /** Opens the catalog in English and Spanish at three ward screen widths, then as before. */
  private void onTheCatalogAtWardWidths(java.util.function.ObjIntConsumer<String> check) {
    try {
      for (String lang : List.of("en", "es")) {
        for (int width : List.of(1000, 1280, 1920)) {
          browser.manage().window().setSize(new Dimension(width, 1000));
          browser.get(baseUrl() + "/?lang=" + lang);
          check.accept(lang, width);
        }
      }
    } finally {
      browser.get(baseUrl() + "/?lang=en");
      browser.manage().window().setSize(new Dimension(1280, 1000));
    }
  }

  /**
   * How much room a select leaves beside {@code text} in its own font: its inner width less its
   * padding and the drop-down arrow's 1.5 em, less the text's width as the browser measures it.
   */
  private double spareWidthPx(WebElement select, String text) {
    Object spare =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const select = arguments[0], style = getComputedStyle(select);"
                    + "const context = document.createElement('canvas').getContext('2d');"
                    + "context.font = style.font;"
                    + "const room = select.clientWidth - parseFloat(style.paddingLeft)"
                    + "  - parseFloat(style.paddingRight) - 1.5 * parseFloat(style.fontSize);"
                    + "return room - context.measureText(arguments[1]).width;",
                select,
                text);
    return ((Number) spare).doubleValue();
  }

  @Test
  void onPaperOnlyTheHandoutShowsInLegibleType() {
    browser.get(baseUrl() + "/handouts/oxytocin-loveandlife");
    emulatePrint(true);
    try {
      for (String hidden : List.of(".site-header", ".toolbar", ".site-footer")) {
        assertThat(browser.findElement(By.cssSelector(hidden)).isDisplayed()).as(hidden).isFalse();
      }
      assertThat(browser.findElement(By.id("banner-never-reviewed")).isDisplayed()).isTrue();
      assertThat(browser.findElement(By.id("credits")).isDisplayed()).isTrue();
      assertThat(smallestFontPx(".handout__body p, .handout__body li, .credits dd, .credits dt"))
          .isGreaterThanOrEqualTo(16f);
      assertThat(
              browser.findElement(By.cssSelector(".handout__body ol")).getCssValue("break-after"))
          .isNotEqualTo("avoid");
      assertThat(browser.findElement(By.cssSelector("h1")).getCssValue("break-after"))
          .isEqualTo("avoid");

      browser.get(baseUrl() + "/handouts/oxytocin-loveandlife?print=large");
      assertThat(smallestFontPx(".handout__body p, .handout__body li, .credits dd, .credits dt"))
          .isGreaterThanOrEqualTo(24f);
    } finally {
      emulatePrint(false);
    }
  }

  @Test
  void catalogAndEveryHandoutPassTheAccessibilityScan() {
    Map<String, List<String>> problems = new java.util.TreeMap<>();
    List<String> pages =
        new java.util.ArrayList<>(List.of("/", "/?context=lactation", "/handouts/no-such-handout"));
    HandoutPagesIT.PACK.forEach(id -> pages.add("/handouts/" + id));
    pages.add("/handouts/oxytocin-healthwise?print=large");
    for (String page : pages) {
      browser.get(baseUrl() + page);
      Results results = new AxeBuilder().analyze(browser);
      assertThat(results.getErrorMessage()).as(page).isNull();
      List<String> blocking =
          results.getViolations().stream()
              .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
              .map(HandoutBrowserIT::describe)
              .collect(Collectors.toList());
      if (!blocking.isEmpty()) {
        problems.put(page, blocking);
      }
      assertThat(results.getPasses()).as(page + ": axe ran its rules").isNotEmpty();
    }
    assertThat(problems).as("serious or critical axe-core violations").isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getImpact()
        + " "
        + rule.getId()
        + ": "
        + rule.getHelp()
        + " at "
        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(3).toList();
  }

  private void emulatePrint(boolean print) {
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
  }

  private float smallestFontPx(String selector) {
    return browser.findElements(By.cssSelector(selector)).stream()
        .filter(WebElement::isDisplayed)
        .map(element -> px(element.getCssValue("font-size")))
        .min(Float::compare)
        .orElseThrow();
  }

  private static float px(String cssLength) {
    assertThat(cssLength).endsWith("px");
    return Float.parseFloat(cssLength.substring(0, cssLength.length() - 2));
  }

  /**
   * The README's screenshots show the content pack as a nurse would see it. In a run of the whole
   * suite other tests have stored test Libraries in the shared server; then none is made (make them
   * with the README's command, which runs this test alone).
   */
  private void saveScreenshotOfThePackOnly(String name) {
    HttpResponse<String> catalog = get("/");
    long shown = org.jsoup.Jsoup.parse(catalog.body()).select("li.card").size();
    if (shown == HandoutPagesIT.PACK.size()) {
      saveScreenshot(name);
    }
  }

  private void saveScreenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.copy(
          browser.getScreenshotAs(OutputType.FILE).toPath(),
          SCREENSHOTS.resolve(name),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
