package org.patientedu.contentpack.building;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.contentpack.fhir.CreditElements;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ImportSettings;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.SourceDate;

/**
 * The Library: the knowledge artifact with its credits, review state and clinical contexts. Every
 * date, name and notice comes from the parsed page; nothing is defaulted.
 */
public final class LibraryBuilder {

  private LibraryBuilder() {}

  public static Library build(
      ParsedPage page, ImportSettings settings, List<Rendition> renditions) {
    Credits c = page.credits();
    SourceReview review = SourceReview.of(c);
    Library library = new Library();
    library.setId(settings.id());
    library.setLanguage(settings.language());
    library.setText(
        SourceNarrative.build(
            page,
            settings.language(),
            settings.contexts(),
            review.reviewed()
                ? "active (the source states a review)"
                : "draft (the source states no review)"));
    library.setUrl(PackTerminology.libraryUrl(settings.id()));
    library.setVersion(settings.version());
    library.setName(computableName(settings.id()));
    library.setTitle(page.title());
    library.setStatus(review.reviewed() ? PublicationStatus.ACTIVE : PublicationStatus.DRAFT);
    library.setExperimental(false);
    library.setType(
        FhirElements.concept(
            PackTerminology.LIBRARY_TYPE,
            PackTerminology.LIBRARY_TYPE_ASSET_COLLECTION,
            "Asset Collection"));
    library.setDateElement(FhirElements.dateTime(c.latestDate()));
    library.setPublisher(c.publisher());
    library.setDescription(DescriptionPicker.pick(page.article()));
    ContextElements.addUseContexts(library, settings.contexts());
    library.addJurisdiction(
        FhirElements.concept(
            PackTerminology.ISO_3166, PackTerminology.JURISDICTION_US, "United States of America"));
    library.setCopyright(c.copyright());
    if (review.reviewed()) {
      SourceDate approval = c.published() != null ? c.published() : c.lastReviewed();
      library.setApprovalDateElement(new DateType(approval.toFhirDate()));
      library.setLastReviewDateElement(new DateType(c.lastReviewed().toFhirDate()));
    }
    SourceDate effectiveStart = c.lastReviewed() != null ? c.lastReviewed() : c.published();
    if (effectiveStart != null) {
      // end is set by the review policy, not by the importer
      library.setEffectivePeriod(
          new Period()
              .setStartElement(
                  new org.hl7.fhir.r4.model.DateTimeType(effectiveStart.toFhirDate())));
    }
    library.addTopic(
        FhirElements.concept(
            PackTerminology.DEFINITION_TOPIC, PackTerminology.TOPIC_EDUCATION, "Education"));
    if (settings.topic() != null) {
      library.addTopic(new CodeableConcept().setText(settings.topic()));
    }
    c.authors().forEach(a -> library.addAuthor(CreditElements.author(a)));
    c.reviewers().forEach(r -> library.addReviewer(CreditElements.reviewer(r)));
    addRelatedArtifacts(library, c);
    SourceDate creation = c.published() != null ? c.published() : c.lastReviewed();
    renditions.forEach(
        r -> library.addContent(FhirElements.attachment(r, settings.language(), creation)));
    return library;
  }

  private static void addRelatedArtifacts(Library library, Credits c) {
    if (c.sourceUrl() != null) {
      library
          .addRelatedArtifact()
          .setType(RelatedArtifactType.DOCUMENTATION)
          .setDisplay("Source page")
          .setUrl(c.sourceUrl());
    }
    if (c.adaptation() != null) {
      library
          .addRelatedArtifact()
          .setType(RelatedArtifactType.DERIVEDFROM)
          .setDisplay(
              c.adaptation().originalWork()
                  + " by "
                  + c.adaptation().originalAuthor().nameWithCredentials())
          .setCitation(c.adaptation().text());
    }
    int n = 1;
    for (String citation : c.citations()) {
      library.addRelatedArtifact(
          new RelatedArtifact()
              .setType(RelatedArtifactType.CITATION)
              .setLabel(String.valueOf(n++))
              .setCitation(citation));
    }
  }

  /** oxytocin-healthwise → OxytocinHealthwise (Library.name must be computer-friendly). */
  public static String computableName(String id) {
    StringBuilder name = new StringBuilder();
    for (String part : id.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      name.insert(0, "Page");
    }
    return name.toString();
  }
}
