package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Holds every fixed string of the pages in messages.properties: no template under {@code
 * templates/} (the implementation guide's {@code templates/ig/} aside) may carry words of its own,
 * in text or in attributes people read, and every message key a template names exists.
 */
class TemplateTextTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

  /** Elements whose own content Thymeleaf replaces. */
  private static final Set<String> REPLACING =
      Set.of("th:text", "th:utext", "th:replace", "th:insert");

  private static final Pattern LETTER = Pattern.compile("\\p{L}");
  private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

  @Test
  void templatesHoldNoHardCodedText() {
    List<String> problems = new ArrayList<>();
    for (Path template : templates()) {
      problems.addAll(hardCodedText(parse(template), name(template)));
    }
    assertThat(problems)
        .as("put these strings in messages.properties and use th:text / th:attr")
        .isEmpty();
  }

  @Test
  void theScanFindsHardCodedTextAndIgnoresWhatThymeleafReplaces() {
    Document sample =
        Jsoup.parse(
            """
        <p>Hello</p><img alt="A picture"><input type="submit" value="Send">
        <span th:text="#{x}">Replaced</span><img th:alt="#{y}"><meta name="viewport" content="width=device-width">
        <p>12 &middot; 3</p>""",
            "",
            Parser.htmlParser());
    assertThat(hardCodedText(sample, "sample")).hasSize(3);
  }

  /** Words a reader would see that do not come from messages. */
  private static List<String> hardCodedText(Document document, String name) {
    List<String> problems = new ArrayList<>();
    for (Element element : document.getAllElements()) {
      if (replacedByThymeleaf(element)
          || element.tagName().equals("script")
          || element.tagName().equals("style")) {
        continue;
      }
      for (TextNode text : element.textNodes()) {
        if (LETTER.matcher(text.text()).find()) {
          problems.add(
              name + ": text \"" + text.text().strip() + "\" in <" + element.tagName() + ">");
        }
      }
      for (Attribute attribute : element.attributes()) {
        if (readAttribute(element, attribute.getKey())
            && LETTER.matcher(attribute.getValue()).find()) {
          problems.add(
              name
                  + ": "
                  + attribute.getKey()
                  + "=\""
                  + attribute.getValue()
                  + "\" on <"
                  + element.tagName()
                  + ">");
        }
      }
    }
    return problems;
  }

  private static boolean readAttribute(Element element, String key) {
    return switch (key) {
      case "alt", "title", "placeholder", "aria-label", "label" -> true;
      case "value" ->
          element.tagName().equals("input")
              && Set.of("submit", "button", "reset").contains(element.attr("type"));
      case "content" ->
          element.tagName().equals("meta")
              && Set.of("description", "subject", "author").contains(element.attr("name"));
      default -> false;
    };
  }

  @Test
  void everyMessageATemplateNamesExists() throws IOException {
    Properties messages = messages();
    Set<String> missing = new TreeSet<>();
    for (Path template : templates()) {
      Matcher keys = MESSAGE_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
      while (keys.find()) {
        if (!messages.containsKey(keys.group(1))) {
          missing.add(name(template) + ": " + keys.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyReviewStateHasItsLabel() {
    Properties messages = messages();
    for (ReviewState state : ReviewState.values()) {
      assertThat(messages).containsKey("handouts.review." + state.code());
    }
  }

  /**
   * Every translation (messages_*.properties) carries exactly the English handout keys. There is no
   * translation yet: the test says so by being skipped, rather than passing over an empty list.
   */
  @Test
  void translationsCarryTheSameHandoutKeys() throws IOException {
    Set<String> english = handoutKeys(messages());
    assertThat(english).hasSizeGreaterThan(50).contains("handouts.review.overdue");
    List<Path> translations = translations();
    Assumptions.assumeFalse(
        translations.isEmpty(), "no messages_*.properties yet: no translation to compare");
    for (Path translation : translations) {
      assertThat(missingOrExtraKeys(english, load(translation)))
          .as(translation.toString())
          .isEmpty();
    }
  }

  @Test
  void theKeyComparisonFindsAMissingAndAnExtraKey() {
    Properties translation = new Properties();
    translation.setProperty("handouts.review.overdue", "Revisión vencida");
    translation.setProperty("handouts.not.in.english", "x");
    assertThat(
            missingOrExtraKeys(
                Set.of("handouts.review.overdue", "handouts.review.current"), translation))
        .containsExactly("missing handouts.review.current", "extra handouts.not.in.english");
  }

  private static List<String> missingOrExtraKeys(Set<String> english, Properties translation) {
    Set<String> translated = handoutKeys(translation);
    List<String> problems = new ArrayList<>();
    english.stream()
        .filter(k -> !translated.contains(k))
        .forEach(k -> problems.add("missing " + k));
    translated.stream().filter(k -> !english.contains(k)).forEach(k -> problems.add("extra " + k));
    return problems;
  }

  private static List<Path> translations() throws IOException {
    try (Stream<Path> files = Files.list(MESSAGES.getParent())) {
      return files
          .filter(p -> p.getFileName().toString().matches("messages_.+\\.properties"))
          .sorted()
          .toList();
    }
  }

  private static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  private static boolean replacedByThymeleaf(Element element) {
    for (Element e = element; e != null; e = e.parent()) {
      for (String attribute : REPLACING) {
        if (e.hasAttr(attribute)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Set<String> handoutKeys(Properties properties) {
    Set<String> keys = new TreeSet<>();
    properties.stringPropertyNames().stream()
        .filter(k -> k.startsWith("handouts."))
        .forEach(keys::add);
    return keys;
  }

  private static List<Path> templates() {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      List<Path> found =
          files
              .filter(p -> p.toString().endsWith(".html"))
              .filter(p -> !TEMPLATES.relativize(p).startsWith("ig"))
              .sorted()
              .toList();
      assertThat(found).as("templates to scan").isNotEmpty();
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document parse(Path template) {
    try {
      // Thymeleaf parser-level comments (<!--/* ... */-->) are comments to jsoup too.
      return Jsoup.parse(
          Files.readString(template, StandardCharsets.UTF_8), "", Parser.htmlParser());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties messages() {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(MESSAGES)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  private static String name(Path template) {
    return TEMPLATES.relativize(template).toString();
  }
}
