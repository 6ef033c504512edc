package org.patientedu.handouts;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.patientedu.contentpack.PackTerminology;
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
        StatedDate.of(library.getDateElement()),
        library.hasLastReviewDate() ? StatedDate.of(library.getLastReviewDateElement()) : null,
        lastReviewedLabel(library),
        library.hasApprovalDate() ? StatedDate.of(library.getApprovalDateElement()) : null,
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
        string(library, PackTerminology.EXT_DISCLAIMER),
        string(library, PackTerminology.EXT_ARTIFACT_CITE_AS),
        artifacts(library, RelatedArtifactType.DERIVEDFROM),
        artifacts(library, RelatedArtifactType.CITATION),
        ContextElements.contexts(library),
        htmlRenditions(library));
  }

  /** The source's words for its review date, as the importer kept them on lastReviewDate. */
  private static String lastReviewedLabel(Library library) {
    Extension label =
        library.getLastReviewDateElement().getExtensionByUrl(PackTerminology.EXT_SOURCE_DATE_LABEL);
    return label == null || !label.hasValue() ? null : label.getValue().primitiveValue();
  }

  private static String string(Library library, String url) {
    Extension extension = library.getExtensionByUrl(url);
    return extension == null || !extension.hasValue()
        ? null
        : extension.getValue().primitiveValue();
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

  /** The HTML renditions stored as Binary resources, with their languages. */
  private static List<Handout.Rendition> htmlRenditions(Library library) {
    List<Handout.Rendition> renditions = new ArrayList<>();
    for (Attachment attachment : library.getContent()) {
      if (attachment.hasContentType()
          && attachment.getContentType().startsWith("text/html")
          && attachment.hasUrl()) {
        IdType id = new IdType(attachment.getUrl());
        if ("Binary".equals(id.getResourceType())) {
          renditions.add(
              new Handout.Rendition(
                  attachment.hasLanguage() ? attachment.getLanguage() : library.getLanguage(),
                  id.getIdPart()));
        }
      }
    }
    return List.copyOf(renditions);
  }
}
