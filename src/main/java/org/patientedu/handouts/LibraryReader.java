package org.patientedu.handouts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.hl7.fhir.r4.model.UsageContext;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.PackTerminology;

/**
 * Reads a stored Library into what the pages show. Only reads: every value comes from the resource
 * (review state and due date as the server stamped them), none is computed here.
 */
final class LibraryReader {

  static final String EXT_REVIEW_STATUS =
      PackTerminology.CANONICAL_BASE + "/StructureDefinition/review-status";
  static final String EXT_READING_GRADE =
      PackTerminology.CANONICAL_BASE + "/StructureDefinition/reading-grade-level";
  static final String EXT_WORD_COUNT =
      PackTerminology.CANONICAL_BASE + "/StructureDefinition/word-count";
  static final String EXT_READING_TIME =
      PackTerminology.CANONICAL_BASE + "/StructureDefinition/reading-time-minutes";

  private LibraryReader() {}

  static Handout read(Library library) {
    return new Handout(
        library.getIdElement().getIdPart(),
        library.hasTitle() ? library.getTitle() : library.getName(),
        library.hasLanguage() ? library.getLanguage() : null,
        library.getVersion(),
        library.hasStatus() ? library.getStatus().toCode() : null,
        library.getPublisher(),
        library.getDescription(),
        publishedDate(library),
        library.hasLastReviewDate() ? StatedDate.of(library.getLastReviewDateElement()) : null,
        library.hasEffectivePeriod()
            ? StatedDate.of(library.getEffectivePeriod().getEndElement())
            : null,
        reviewState(library),
        decimal(library, EXT_READING_GRADE),
        integer(library, EXT_WORD_COUNT),
        integer(library, EXT_READING_TIME),
        library.getAuthor().stream().map(LibraryReader::person).toList(),
        library.getReviewer().stream().map(LibraryReader::person).toList(),
        sourceUrl(library),
        library.getCopyright(),
        artifacts(library, RelatedArtifactType.DERIVEDFROM),
        artifacts(library, RelatedArtifactType.CITATION),
        contexts(library),
        htmlRendition(library));
  }

  /**
   * The stamped verdict. Without a stamp, a page that states no review at all is never reviewed;
   * one that states a review waits for the server's verdict.
   */
  /**
   * The date a page was published, as far as the source says. Library.date is the page's latest
   * stated date: for a reviewed page that is the review ("Current as of"), not a publication, so it
   * is shown as published only when it differs from the review date. Go Ask Alice states its
   * publication separately, recorded as the approval date. Healthwise states none: none is shown.
   */
  static StatedDate publishedDate(Library library) {
    // A date may be absent with only a data-absent-reason extension: no value, nothing to show.
    String reviewed = library.getLastReviewDateElement().getValueAsString();
    String date = library.getDateElement().getValueAsString();
    if (date != null && !date.startsWith(reviewed == null ? "\u0000" : reviewed)) {
      return StatedDate.of(library.getDateElement());
    }
    String approved = library.getApprovalDateElement().getValueAsString();
    if (approved != null && !approved.equals(reviewed)) {
      return StatedDate.of(library.getApprovalDateElement());
    }
    return null;
  }

  static ReviewState reviewState(DomainResource resource) {
    Extension stamp = resource.getExtensionByUrl(EXT_REVIEW_STATUS);
    if (stamp != null && stamp.hasValue()) {
      return ReviewState.fromCode(stamp.getValue().primitiveValue()).orElse(ReviewState.UNKNOWN);
    }
    boolean reviewed = resource instanceof Library library && library.hasLastReviewDate();
    return reviewed ? ReviewState.UNKNOWN : ReviewState.NEVER_REVIEWED;
  }

  private static Person person(ContactDetail detail) {
    String credentials = string(detail, PackTerminology.EXT_REVIEWER_CREDENTIALS);
    if (credentials == null) {
      credentials = string(detail, PackTerminology.EXT_AUTHOR_CREDENTIALS);
    }
    String specialty = null;
    Extension specialtyExt = detail.getExtensionByUrl(PackTerminology.EXT_REVIEWER_SPECIALTY);
    if (specialtyExt != null && specialtyExt.getValue() instanceof CodeableConcept concept) {
      specialty =
          concept.hasText()
              ? concept.getText()
              : concept.getCoding().stream()
                  .filter(Coding::hasDisplay)
                  .map(Coding::getDisplay)
                  .findFirst()
                  .orElse(null);
    }
    Extension ai = detail.getExtensionByUrl(PackTerminology.EXT_AI_GENERATED);
    boolean aiTool = ai != null && ai.getValue() instanceof BooleanType flag && flag.booleanValue();
    return new Person(detail.getName(), credentials, specialty, aiTool);
  }

  /** The source page, only as an http(s) address: anything else must never become a link. */
  private static String sourceUrl(Library library) {
    return library.getRelatedArtifact().stream()
        .filter(a -> a.getType() == RelatedArtifactType.DOCUMENTATION && a.hasUrl())
        .map(RelatedArtifact::getUrl)
        .filter(LibraryReader::isWebAddress)
        .findFirst()
        .orElse(null);
  }

  static boolean isWebAddress(String url) {
    try {
      java.net.URI uri = new java.net.URI(url.strip());
      return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          && uri.getHost() != null;
    } catch (java.net.URISyntaxException notAUrl) {
      return false;
    }
  }

  private static List<String> artifacts(Library library, RelatedArtifactType type) {
    List<String> texts = new ArrayList<>();
    for (RelatedArtifact artifact : library.getRelatedArtifact()) {
      if (artifact.getType() == type) {
        String text = artifact.hasCitation() ? artifact.getCitation() : artifact.getDisplay();
        if (text != null && !text.isBlank()) {
          texts.add(text);
        }
      }
    }
    return List.copyOf(texts);
  }

  /** The contexts whose codes appear in useContext, in the order ClinicalContext declares them. */
  static List<ClinicalContext> contexts(Library library) {
    List<ClinicalContext> found = new ArrayList<>();
    for (ClinicalContext context : ClinicalContext.values()) {
      boolean matches =
          library.getUseContext().stream()
              .filter(UsageContext::hasValueCodeableConcept)
              .flatMap(u -> u.getValueCodeableConcept().getCoding().stream())
              .anyMatch(
                  coding ->
                      context.codes().stream()
                          .anyMatch(
                              code ->
                                  code.system().equals(coding.getSystem())
                                      && code.code().equals(coding.getCode())));
      if (matches) {
        found.add(context);
      }
    }
    return List.copyOf(found);
  }

  private static String htmlRendition(Library library) {
    return library.getContent().stream()
        .filter(a -> a.hasContentType() && a.getContentType().startsWith("text/html") && a.hasUrl())
        .map(Attachment::getUrl)
        .map(IdType::new)
        .filter(id -> "Binary".equals(id.getResourceType()))
        .map(IdType::getIdPart)
        .findFirst()
        .orElse(null);
  }

  private static String string(Element element, String url) {
    Extension extension = element.getExtensionByUrl(url);
    return extension == null || !extension.hasValue()
        ? null
        : extension.getValue().primitiveValue();
  }

  private static BigDecimal decimal(DomainResource resource, String url) {
    Extension extension = resource.getExtensionByUrl(url);
    return extension != null && extension.getValue() instanceof DecimalType value
        ? value.getValue()
        : null;
  }

  private static Integer integer(DomainResource resource, String url) {
    Extension extension = resource.getExtensionByUrl(url);
    return extension != null && extension.getValue() instanceof IntegerType value
        ? value.getValue()
        : null;
  }
}
