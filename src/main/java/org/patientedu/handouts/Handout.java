package org.patientedu.handouts;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.page.Person;

/**
 * What the pages show of one stored Library: title, credits, review state, readability, clinical
 * contexts. Built from the resource each time it is read, so an edit through the FHIR API shows on
 * the next page load.
 *
 * @param currentAsOf the last medical review (Library.lastReviewDate), null when none is stated
 * @param reviewDue the next review due date the server set (Library.effectivePeriod.end)
 * @param published the publication date the source states, null when it states none (see
 *     LibraryReader)
 * @param htmlRendition the Binary id of the HTML rendition, null when there is none
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
    StatedDate currentAsOf,
    StatedDate reviewDue,
    ReviewState reviewState,
    BigDecimal readingGrade,
    Integer wordCount,
    Integer readingMinutes,
    List<Person> authors,
    List<Person> reviewers,
    String sourceUrl,
    String copyright,
    List<String> adaptationNotes,
    List<String> references,
    List<ClinicalContext> contexts,
    String htmlRendition) {

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

  /** True when a banner must warn the reader (overdue, never reviewed, AI-written or retired). */
  public boolean needsWarning() {
    return reviewState.warning() || aiGenerated() || retired();
  }

  public boolean inContext(ClinicalContext context) {
    return contexts.contains(context);
  }
}
