package org.patientedu.review;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.building.NarrativeBuilder;

/**
 * The human-readable text of a Library or DocumentReference, rebuilt from its current fields every
 * time it is stored, so what a clinician reads in any FHIR viewer says plainly whether the page is
 * a draft, who reviewed it and whether that review is overdue.
 */
final class ReviewNarrative {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

  private ReviewNarrative() {}

  static Narrative of(DomainResource resource, ReviewAssessment assessment) {
    StringBuilder html = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
    if (resource instanceof Library library) {
      paragraph(html, "Title", library.getTitle());
      paragraph(html, "Status", statusSentence(library));
      aiWarning(html, library.getAuthor());
      paragraph(html, "Review", reviewSentence(assessment));
      paragraph(html, "Author", names(library.getAuthor()));
      paragraph(
          html,
          "Medical review",
          library.hasReviewer() ? names(library.getReviewer()) : "None stated.");
      paragraph(html, "Publisher", library.getPublisher());
      library.getRelatedArtifact().stream()
          .filter(a -> a.getType() == RelatedArtifactType.DERIVEDFROM)
          .forEach(a -> paragraph(html, "Adapted from", a.getDisplay()));
      paragraph(
          html,
          "Clinical contexts",
          contextLabels(
              library.getUseContext().stream()
                  .map(u -> u.getValueCodeableConcept().getCodingFirstRep())
                  .toList()));
      library.getRelatedArtifact().stream()
          .filter(a -> a.getType() == RelatedArtifactType.DOCUMENTATION)
          .forEach(a -> paragraph(html, "Source", a.getUrl()));
    } else if (resource instanceof DocumentReference document) {
      paragraph(html, "Document", document.getDescription());
      paragraph(
          html,
          "Status",
          document.hasDocStatus()
                  && document.getDocStatus() == DocumentReference.ReferredDocumentStatus.FINAL
              ? "Final (approved for use)."
              : "Preliminary: not approved for use with patients.");
      paragraph(html, "Review", reviewSentence(assessment));
      paragraph(
          html,
          "Author",
          document.getAuthor().stream()
              .map(Reference::getDisplay)
              .collect(Collectors.joining("; ")));
      List<ContactDetail> reviewers =
          document.getExtensionsByUrl(PackTerminology.EXT_ARTIFACT_REVIEWER).stream()
              .map(e -> (ContactDetail) e.getValue())
              .toList();
      paragraph(html, "Medical review", reviewers.isEmpty() ? "None stated." : names(reviewers));
      paragraph(
          html,
          "Clinical contexts",
          contextLabels(
              document.getContext().getEvent().stream()
                  .map(CodeableConcept::getCodingFirstRep)
                  .toList()));
    }
    html.append(articleOf(resource));
    html.append("</div>");
    Narrative narrative = new Narrative();
    narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDivAsString(html.toString());
    return narrative;
  }

  /** The article the importer put in the narrative, carried over unchanged ("" if none). */
  static String articleOf(DomainResource resource) {
    if (!resource.hasText() || resource.getText().getDiv().isEmpty()) {
      return "";
    }
    String div = resource.getText().getDivAsString();
    int marker = div.indexOf("class=\"" + NarrativeBuilder.ARTICLE_CLASS + "\"");
    if (marker < 0) {
      return "";
    }
    int start = div.lastIndexOf("<div", marker);
    int end = div.lastIndexOf("</div>"); // the article is the last child of the narrative div
    return start < 0 || end <= start ? "" : div.substring(start, end);
  }

  static String reviewSentence(ReviewAssessment assessment) {
    return switch (assessment.status()) {
      case NEVER_REVIEWED -> "Not medically reviewed. Do not hand out as reviewed content.";
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
          "Active (approved"
              + (library.hasApprovalDate()
                  ? " " + format(ReviewStamper.toLocalDate(library.getApprovalDateElement()))
                  : "")
              + ").";
      case RETIRED -> "Retired: no longer to be handed out.";
      default -> library.getStatus().getDisplay() + ".";
    };
  }

  /** "Labor and delivery, Lactation and breastfeeding" from the codes the resource carries. */
  private static String contextLabels(List<Coding> codings) {
    return Arrays.stream(ClinicalContext.values())
        .filter(
            context ->
                context.codes().stream()
                    .anyMatch(
                        code ->
                            codings.stream()
                                .anyMatch(
                                    c ->
                                        code.system().equals(c.getSystem())
                                            && code.code().equals(c.getCode()))))
        .map(ClinicalContext::label)
        .collect(Collectors.joining(", "));
  }

  private static void aiWarning(StringBuilder html, List<ContactDetail> authors) {
    List<String> tools =
        authors.stream().filter(ReviewNarrative::isAiTool).map(ContactDetail::getName).toList();
    if (!tools.isEmpty()) {
      paragraph(html, "Warning", "Written by an AI tool (" + String.join(", ", tools) + ").");
    }
  }

  private static boolean isAiTool(ContactDetail author) {
    Extension flag = author.getExtensionByUrl(PackTerminology.EXT_AI_GENERATED);
    return flag != null && "true".equals(flag.getValue().primitiveValue());
  }

  private static String names(List<ContactDetail> people) {
    return people.stream().map(ReviewNarrative::describe).collect(Collectors.joining("; "));
  }

  private static String describe(ContactDetail person) {
    StringBuilder text = new StringBuilder(person.getName());
    Extension credentials = person.getExtensionByUrl(PackTerminology.EXT_REVIEWER_CREDENTIALS);
    if (credentials == null) {
      credentials = person.getExtensionByUrl(PackTerminology.EXT_AUTHOR_CREDENTIALS);
    }
    if (credentials != null) {
      text.append(", ").append(credentials.getValue().primitiveValue());
    }
    Extension specialty = person.getExtensionByUrl(PackTerminology.EXT_REVIEWER_SPECIALTY);
    if (specialty != null) {
      text.append(" (").append(((CodeableConcept) specialty.getValue()).getText()).append(")");
    }
    return text.toString();
  }

  private static void paragraph(StringBuilder html, String label, String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    html.append("<p><b>")
        .append(escape(label))
        .append(":</b> ")
        .append(escape(value))
        .append("</p>");
  }

  private static String format(LocalDate date) {
    return date == null ? "unknown" : DATE.format(date);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
