package org.patientedu.education;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a clinician must know about a page before handing it out, in plain sentences: its review
 * state, who reviewed it, an AI author, its source, a language it is not in. Written once here so
 * the Infobutton's summary and the CDS Hooks card's detail say the same thing.
 */
public final class ClinicianNotes {

  /** How this product names itself where an answer says where it comes from. */
  public static final String PRODUCT_NAME = "Patient education content module";

  private static final DateTimeFormatter SPOKEN_DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

  private ClinicianNotes() {}

  /** The review facts, each a sentence ("Review status: Overdue for review.", ...). */
  public static List<String> reviewFacts(PublishedPage page) {
    List<String> facts = new ArrayList<>();
    facts.add("Review status: " + page.reviewStatusDisplay() + ".");
    if (page.lastReviewDate() != null) {
      facts.add("Last reviewed " + spoken(page.lastReviewDate()) + ".");
    }
    facts.add(
        page.medicalReviewers().isEmpty()
            ? "No medical reviewer is named."
            : "Medical review: " + String.join("; ", page.medicalReviewers()) + ".");
    if (!page.reviewCurrent()) {
      facts.add("Check it against current guidance before handing it out.");
    }
    if (page.aiGenerated()) {
      facts.add("Written with an AI tool.");
    }
    if (page.publisher() != null) {
      facts.add("Source: " + page.publisher() + ".");
    }
    return facts;
  }

  /** When the page is offered in a translation: whose review the facts are. */
  public static Optional<String> translationNote(EducationMatch match) {
    if (!match.translated()) {
      return Optional.empty();
    }
    return Optional.of(
        languageName(match.language())
            + " translation of a page written in "
            + languageName(match.page().primaryLanguage())
            + "; the review above is the original's.");
  }

  /** When no page was in the language asked and this one is offered in its own instead. */
  public static Optional<String> fallbackNote(EducationMatch match, String languageAsked) {
    if (!match.languageFallback()) {
      return Optional.empty();
    }
    return Optional.of(
        "In "
            + languageName(match.page().primaryLanguage())
            + " only: no "
            + languageName(languageAsked)
            + " version is available.");
  }

  /** "Spanish" for es; the code itself when Java knows no name for it. */
  public static String languageName(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() ? code : name;
  }

  private static String spoken(String date) {
    try {
      return LocalDate.parse(date).format(SPOKEN_DATE);
    } catch (DateTimeParseException partial) {
      return date; // a year or year-month, as the source states it
    }
  }
}
