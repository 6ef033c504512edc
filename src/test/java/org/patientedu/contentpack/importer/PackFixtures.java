package org.patientedu.contentpack.importer;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;
import org.jsoup.Jsoup;
import org.patientedu.contentpack.building.FhirJson;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.reading.PageParser;

/**
 * Reads the committed pack (fhir-resources/, relative to the project root where Maven runs tests).
 */
final class PackFixtures {

  static final Path PACK = Path.of("fhir-resources");
  static final List<String> IDS =
      List.of(
          "oxytocin-goaskalice",
          "oxytocin-perexp",
          "oxytocin-healthwise",
          "oxytocin-noigroup",
          "oxytocin-loveandlife");

  private PackFixtures() {}

  static String source(String id) {
    return read(PACK.resolve(id).resolve("source.txt"));
  }

  static ParsedPage parse(String id) {
    return new PageParser().parse(source(id), "source.txt");
  }

  static Library library(String id) {
    return parser().parseResource(Library.class, read(PACK.resolve(id).resolve("Library.json")));
  }

  static DocumentReference documentReference(String id) {
    return parser()
        .parseResource(
            DocumentReference.class, read(PACK.resolve(id).resolve("DocumentReference.json")));
  }

  static Binary binary(String id, String kind) {
    return parser()
        .parseResource(Binary.class, read(PACK.resolve(id).resolve("Binary-" + kind + ".json")));
  }

  /** The plain-text handout as a nurse prints it. */
  static String textRendition(String id) {
    return new String(binary(id, "text").getData(), StandardCharsets.UTF_8);
  }

  static String htmlRendition(String id) {
    return new String(binary(id, "html").getData(), StandardCharsets.UTF_8);
  }

  /** Visible text of the HTML handout. */
  static String htmlText(String id) {
    return Jsoup.parse(htmlRendition(id)).text();
  }

  static IParser parser() {
    return FhirJson.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The sentences of an article region of a source page: lines from the first line starting with
   * {@code start} up to (not including) the first later line starting with {@code end}; blank lines
   * and lines starting with one of {@code skip} left out; list markers removed; each line split
   * into sentences by the JDK's sentence rules (not the importer's), so that nothing is hard-coded
   * but the region bounds and nothing comes from the code under test.
   */
  static List<String> sentences(String source, String start, String end, String... skip) {
    List<String> sentences = new ArrayList<>();
    boolean inside = false;
    for (String rawLine : source.split("\n")) {
      String line = collapse(rawLine);
      if (!inside) {
        inside = line.startsWith(start);
      } else if (line.startsWith(end)) {
        break;
      }
      if (!inside || line.isEmpty() || startsWithAny(line, skip)) {
        continue;
      }
      String text = line.replaceFirst("^(\\d{1,3}[.)]|[-*•])\\s+", "");
      BreakIterator boundaries = BreakIterator.getSentenceInstance(Locale.US);
      boundaries.setText(text);
      for (int from = boundaries.first(), to = boundaries.next();
          to != BreakIterator.DONE;
          from = to, to = boundaries.next()) {
        String sentence = text.substring(from, to).strip();
        if (!sentence.isEmpty()) {
          sentences.add(sentence);
        }
      }
    }
    if (sentences.isEmpty()) {
      throw new IllegalStateException(
          "No article region between '" + start + "' and '" + end + "'");
    }
    return sentences;
  }

  /**
   * Whitespace runs (no-break and other Unicode spaces included) as one space, zero-width
   * characters dropped, ends trimmed: written here, not taken from the importer, so what a test
   * expects does not come from the code it checks.
   */
  static String collapse(String text) {
    return text.replaceAll("[\u200B\u200C\u200D\u2060\uFEFF]", "")
        .replaceAll("[\\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+", " ")
        .strip();
  }

  private static boolean startsWithAny(String line, String... prefixes) {
    for (String prefix : prefixes) {
      if (line.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
