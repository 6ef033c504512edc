package org.patientedu.education;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.review.ReviewStatus;

/**
 * One approved page as the catalog snapshot holds it: what an answer needs, read from the stored
 * Library (nothing computed here).
 *
 * @param versionId the stored version (meta.versionId) the snapshot holds, for records that must
 *     point at the exact version given (CDS Hooks' education-given record)
 * @param version the page's business version (Library.version)
 * @param language the page's language as stored (BCP 47, e.g. en-US); null when it states none
 * @param reviewStatus the review-status code the server stamped (e.g. overdue); null when none
 * @param lastReviewDate the last review as stated (Library.lastReviewDate), e.g. 2022-04-13
 * @param lastUpdated when the stored record last changed (meta.lastUpdated)
 * @param medicalReviewers the reviewers the page names (Library.reviewer), with credentials and
 *     specialty; empty when it names none
 * @param aiGenerated true when an author is flagged as an AI tool
 * @param readingGrade the Flesch-Kincaid grade computed at import, null when absent
 * @param translations the languages (primary subtags) the page has an HTML translation in, other
 *     than its own, each with the translation's title (empty when it states none)
 */
public record PublishedPage(
    String id,
    long versionId,
    String version,
    String canonicalUrl,
    String title,
    String description,
    String language,
    String publisher,
    String reviewStatus,
    String lastReviewDate,
    Instant lastUpdated,
    List<ContextTag> tags,
    List<String> medicalReviewers,
    boolean aiGenerated,
    BigDecimal readingGrade,
    Map<String, String> translations) {

  public PublishedPage {
    tags = List.copyOf(tags);
    medicalReviewers = List.copyOf(medicalReviewers);
    translations = Map.copyOf(translations);
  }

  /** True when the page is written in this language (a primary subtag) or translated into it. */
  public boolean speaks(String language) {
    return primaryLanguage().equals(language) || translations.containsKey(language);
  }

  /** The title in this language: the translation's when the page is translated, else its own. */
  public String titleIn(String language) {
    String translated = primaryLanguage().equals(language) ? null : translations.get(language);
    return translated == null || translated.isBlank() ? title : translated;
  }

  /** "en" for en-US; "en" when the page states no language (the pack's pages are English). */
  public String primaryLanguage() {
    return primarySubtag(language);
  }

  /** "es" for es-MX; "en" for none. */
  static String primarySubtag(String tag) {
    if (tag == null || tag.isBlank()) {
      return "en";
    }
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  /**
   * The review state's words ("Overdue for review"), or the code itself for a state unknown here.
   */
  public String reviewStatusDisplay() {
    if (reviewStatus == null) {
      return "Review state not stated";
    }
    return ReviewStatus.fromCode(reviewStatus).map(ReviewStatus::display).orElse(reviewStatus);
  }

  /** True when the page's review is current or due soon, false for every other state. */
  public boolean reviewCurrent() {
    return ReviewStatus.CURRENT.code().equals(reviewStatus)
        || ReviewStatus.DUE_SOON.code().equals(reviewStatus);
  }
}
