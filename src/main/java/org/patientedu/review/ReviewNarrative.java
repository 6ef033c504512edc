package org.patientedu.review;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.contentpack.fhir.CreditElements;
import org.patientedu.contentpack.fhir.PageNarrative;
import org.patientedu.contentpack.page.Person;

/**
 * The lines of a Library's or DocumentReference's narrative as the server judges the page, written
 * from its current fields every time it is stored, so what a clinician reads in any FHIR viewer
 * says plainly whether the page is a draft, who reviewed it and whether that review is overdue. The
 * narrative itself (and the article it carries over) is {@link PageNarrative}.
 */
final class ReviewNarrative {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

  private ReviewNarrative() {}

  static Narrative of(DomainResource resource, ReviewAssessment assessment) {
    // the lines are English, like the articles so far; the div says so (the validator asks)
    PageNarrative narrative =
        PageNarrative.lines(resource.hasLanguage() ? resource.getLanguage() : "en");
    if (resource instanceof Library library) {
      List<Person> authors = CreditElements.authors(library);
      narrative
          .line("Title", library.getTitle())
          .line("Status", statusSentence(library))
          .line("Warning", aiWarning(authors))
          .line("Review", reviewSentence(assessment))
          .line("Author", names(authors))
          .line(
              "Medical review",
              library.hasReviewer() ? names(CreditElements.reviewers(library)) : "None stated.")
          .line("Publisher", library.getPublisher());
      library.getRelatedArtifact().stream()
          .filter(a -> a.getType() == RelatedArtifactType.DERIVEDFROM)
          .forEach(a -> narrative.line("Adapted from", a.getDisplay()));
      narrative.line("Clinical contexts", labels(ContextElements.tags(library)));
      library.getRelatedArtifact().stream()
          .filter(a -> a.getType() == RelatedArtifactType.DOCUMENTATION)
          .forEach(a -> narrative.line("Source", a.getUrl()));
    } else if (resource instanceof DocumentReference document) {
      List<Person> reviewers = CreditElements.reviewers(document);
      narrative
          .line("Document", document.getDescription())
          .line(
              "Status",
              document.hasDocStatus()
                      && document.getDocStatus() == DocumentReference.ReferredDocumentStatus.FINAL
                  ? "Final: for use with patients."
                  : "Draft: not approved for use with patients.")
          .line("Warning", aiWarning(CreditElements.authors(document)))
          .line("Review", reviewSentence(assessment))
          .line(
              "Author",
              document.getAuthor().stream()
                  .map(Reference::getDisplay)
                  .collect(Collectors.joining("; ")))
          .line("Medical review", reviewers.isEmpty() ? "None stated." : names(reviewers))
          .line("Clinical contexts", labels(ContextElements.tags(document)));
    }
    return narrative.withArticleOf(resource);
  }

  static String reviewSentence(ReviewAssessment assessment) {
    return switch (assessment.status()) {
      case NEVER_REVIEWED -> "Not medically reviewed. Do not hand out as reviewed content.";
      case PUBLISHER_REVIEWED ->
          "Last reviewed by the publisher on "
              + format(assessment.lastReviewed())
              + "; no medical reviewer is named. Do not hand out as reviewed content.";
      case CURRENT ->
          "Current: last reviewed "
              + format(assessment.lastReviewed())
              + "; next review due "
              + format(assessment.dueDate())
              + ".";
      case DUE_SOON ->
          "Due for review on "
              + format(assessment.dueDate())
              + " (last reviewed "
              + format(assessment.lastReviewed())
              + ").";
      case OVERDUE ->
          "Overdue for review: it was due "
              + format(assessment.dueDate())
              + ", "
              + assessment.daysOverdue()
              + " days ago (last reviewed "
              + format(assessment.lastReviewed())
              + ").";
    };
  }

  private static String statusSentence(Library library) {
    if (library.getStatus() == null) {
      return "Unknown.";
    }
    return switch (library.getStatus()) {
      case DRAFT -> "Draft: not approved for use with patients.";
      case ACTIVE ->
          library.hasApprovalDate()
              ? "Active: approved for use on "
                  + format(ReviewStamper.toLocalDate(library.getApprovalDateElement()))
                  + "."
              : "Active: the source names its medical reviewers; no approval is recorded here.";
      case RETIRED -> "Retired: no longer to be handed out.";
      default -> library.getStatus().getDisplay() + ".";
    };
  }

  /** "Lactation and breastfeeding (primary), Labor and delivery (secondary)" */
  private static String labels(List<ContextTag> contexts) {
    return contexts.stream().map(ContextTag::labelWithRelevance).collect(Collectors.joining(", "));
  }

  private static String aiWarning(List<Person> authors) {
    List<String> tools = authors.stream().filter(Person::aiTool).map(Person::name).toList();
    return tools.isEmpty() ? null : "Written by an AI tool (" + String.join(", ", tools) + ").";
  }

  /** "Sarah Marshall, MD (Family Medicine); Adam Husney, MD (Family Medicine)" */
  private static String names(List<Person> people) {
    return people.stream()
        .map(Person::nameWithCredentialsAndSpecialty)
        .collect(Collectors.joining("; "));
  }

  private static String format(LocalDate date) {
    return date == null ? "unknown" : DATE.format(date);
  }
}
