package org.patientedu.handouts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.page.Person;

/**
 * What the pages show of one stored Library: title, credits, review state, readability, clinical
 * contexts. Built from the resource each time it is read, so an edit through the FHIR API shows on
 * the next page load. Every date is the one the resource states, in the element whose meaning it
 * has; none is put in place of another.
 *
 * @param published when the source published the page (Library.date), null when it states none
 * @param lastReviewed the last review (Library.lastReviewDate), null when none is stated
 * @param lastReviewedLabel the source's own words for that date ("Current as of"), null when the
 *     review was recorded on this server or the source gave no words
 * @param approved the day $approve approved the page on this server (Library.approvalDate), or null
 * @param reviewDue the next review due date the server set (Library.effectivePeriod.end)
 * @param disclaimer the source's own disclaimer, or null when it has none
 * @param citeAs how the page asks to be cited, or null
 * @param renditions the HTML renditions, one per language, in the Library's order
 */
public record Handout(
    String id,
    String title,
    String language,
    String version,
    String lifecycleStatus,
    String publisher,
    String description,
    StatedDate published,
    StatedDate lastReviewed,
    String lastReviewedLabel,
    StatedDate approved,
    StatedDate reviewDue,
    ReviewState reviewState,
    BigDecimal readingGrade,
    Integer wordCount,
    Integer readingMinutes,
    List<Person> authors,
    List<Person> reviewers,
    String sourceUrl,
    String copyright,
    String disclaimer,
    String citeAs,
    List<String> adaptationNotes,
    List<String> references,
    List<ClinicalContext> contexts,
    List<Rendition> renditions) {

  /** The source's words for a review date that a handout may repeat as its "Current as of". */
  static final String CURRENT_AS_OF = "Current as of";

  /** One HTML rendition: its language (BCP-47) and its Binary id. */
  public record Rendition(String language, String binaryId) {

    boolean inLanguage(Locale wanted) {
      return language != null
          && Locale.forLanguageTag(language).getLanguage().equals(wanted.getLanguage());
    }
  }

  /** The AI tool that wrote the page, if an author carries the ai-generated flag. */
  public Optional<Person> aiAuthor() {
    return authors.stream().filter(Person::aiTool).findFirst();
  }

  public boolean aiGenerated() {
    return aiAuthor().isPresent();
  }

  public boolean retired() {
    return "retired".equals(lifecycleStatus);
  }

  /** Approved for use with patients (Library active); anything else must never look approved. */
  public boolean active() {
    return "active".equals(lifecycleStatus);
  }

  /** Not approved for use, and not retired either: a draft (or a page with no status at all). */
  public boolean draft() {
    return !active() && !retired();
  }

  /** The source itself says "Current as of" for its review date (Healthwise). */
  public boolean currentAsOfStated() {
    return lastReviewed != null && CURRENT_AS_OF.equalsIgnoreCase(lastReviewedLabel);
  }

  /** True when a banner must warn the reader (draft, unreviewed, overdue, AI-written, retired). */
  public boolean needsWarning() {
    return reviewState.warning() || aiGenerated() || retired() || draft();
  }

  public boolean inContext(ClinicalContext context) {
    return contexts.contains(context);
  }

  /** The rendition in the reader's language, if the page has one. */
  Optional<Rendition> renditionIn(Locale locale) {
    return renditions.stream().filter(r -> r.inLanguage(locale)).findFirst();
  }

  /** The rendition in the page's own language (the first one otherwise), if any. */
  Optional<Rendition> originalRendition() {
    return language == null
        ? renditions.stream().findFirst()
        : renditions.stream()
            .filter(r -> r.inLanguage(Locale.forLanguageTag(language)))
            .findFirst()
            .or(() -> renditions.stream().findFirst());
  }
}
