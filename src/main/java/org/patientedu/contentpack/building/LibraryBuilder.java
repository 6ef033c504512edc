package org.patientedu.contentpack.building;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.MarkdownType;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.hl7.fhir.r4.model.StringType;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.contentpack.fhir.CreditElements;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ImportSettings;
import org.patientedu.contentpack.page.ParsedPage;

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
            review.inUse()
                ? "active (the source names its medical reviewers)"
                : "draft (the source names no medical reviewer)"));
    library.setUrl(PackTerminology.libraryUrl(settings.id()));
    library.setVersion(settings.version());
    library.setName(computableName(settings.id()));
    library.setTitle(page.title());
    library.setStatus(review.inUse() ? PublicationStatus.ACTIVE : PublicationStatus.DRAFT);
    // only synthetic test content is experimental: it must never pass for education
    library.setExperimental(settings.synthetic());
    library.setType(
        FhirElements.concept(
            PackTerminology.LIBRARY_TYPE,
            PackTerminology.LIBRARY_TYPE_ASSET_COLLECTION,
            "Asset Collection"));
    // date: when the source published the page ("Published date"), nothing else
    library.setDateElement(FhirElements.dateTime(c.published()));
    library.setPublisher(c.publisher());
    library.setDescription(DescriptionPicker.pick(page.article()));
    ContextElements.addUseContexts(library, settings.contexts());
    library.addJurisdiction(
        FhirElements.concept(
            PackTerminology.ISO_3166, PackTerminology.JURISDICTION_US, "United States of America"));
    library.setCopyright(c.copyright());
    if (c.citeAs() != null) {
      // the page's own citation of itself (R4 Library has no element for it)
      library.addExtension(PackTerminology.EXT_ARTIFACT_CITE_AS, new MarkdownType(c.citeAs()));
    }
    if (c.disclaimer() != null) {
      library.addExtension(PackTerminology.EXT_DISCLAIMER, new StringType(c.disclaimer()));
    }
    // The last review the source states, in its own words ("Current as of", "Last reviewed on").
    // No approvalDate (only $approve records one) and no effectivePeriod (the source gives no
    // period of use; the review stamp gives an active page the end of its review cycle).
    if (c.lastReviewed() != null) {
      DateType reviewed = new DateType(c.lastReviewed().toFhirDate());
      reviewed.addExtension(
          PackTerminology.EXT_SOURCE_DATE_LABEL, new StringType(c.lastReviewedLabel()));
      library.setLastReviewDateElement(reviewed);
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
    renditions.forEach(
        r -> library.addContent(FhirElements.attachment(r, settings.language(), c.published())));
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
