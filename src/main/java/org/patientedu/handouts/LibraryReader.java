package org.patientedu.handouts;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.contentpack.fhir.CreditElements;
import org.patientedu.contentpack.fhir.PageExtensions;

/**
 * Reads a stored Library into what the pages show. Only reads: every value comes from the resource
 * (review state and due date as the server stamped them), none is computed here.
 */
final class LibraryReader {

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
        PageExtensions.readingGrade(library),
        PageExtensions.wordCount(library),
        PageExtensions.readingMinutes(library),
        CreditElements.authors(library),
        CreditElements.reviewers(library),
        sourceUrl(library),
        library.getCopyright(),
        artifacts(library, RelatedArtifactType.DERIVEDFROM),
        artifacts(library, RelatedArtifactType.CITATION),
        ContextElements.contexts(library),
        htmlRendition(library));
  }

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

  /**
   * The stamped verdict. Without a stamp, a page that states no review at all is never reviewed;
   * one that states a review waits for the server's verdict.
   */
  static ReviewState reviewState(DomainResource resource) {
    String stamp = PageExtensions.reviewStatus(resource);
    if (stamp != null) {
      return ReviewState.fromCode(stamp).orElse(ReviewState.UNKNOWN);
    }
    boolean reviewed = resource instanceof Library library && library.hasLastReviewDate();
    return reviewed ? ReviewState.UNKNOWN : ReviewState.NEVER_REVIEWED;
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
}
