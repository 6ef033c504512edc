package org.patientedu.contentpack.building;

import java.util.List;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DocumentReference.DocumentReferenceContextComponent;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.importer.Credits;
import org.patientedu.contentpack.importer.ImportSettings;
import org.patientedu.contentpack.importer.ParsedPage;
import org.patientedu.contentpack.importer.Person;
import org.patientedu.contentpack.importer.SourceDate;

/** The DocumentReference: the printable handout (its two renditions) as a document. */
public final class DocumentReferenceBuilder {

  private DocumentReferenceBuilder() {}

  public static DocumentReference build(
      ParsedPage page, ImportSettings settings, List<Rendition> renditions) {
    Credits c = page.credits();
    SourceReview review = SourceReview.of(c);
    DocumentReference doc = new DocumentReference();
    doc.setId(settings.id());
    doc.setLanguage(settings.language());
    doc.setText(
        NarrativeBuilder.build(
            page,
            settings.language(),
            settings.contexts(),
            review.reviewed()
                ? "final (the source states a review)"
                : "preliminary (the source states no review)"));
    if (c.lastReviewed() != null) {
      doc.addExtension(
          PackTerminology.EXT_ARTIFACT_LAST_REVIEW_DATE,
          new DateType(c.lastReviewed().toFhirDate()));
    }
    c.reviewers()
        .forEach(
            r -> doc.addExtension(PackTerminology.EXT_ARTIFACT_REVIEWER, FhirElements.reviewer(r)));
    // Stable across servers, so an integrator's package installer can match the document.
    doc.addIdentifier()
        .setSystem(PackTerminology.DOCUMENT_IDENTIFIER_SYSTEM)
        .setValue(settings.id());
    doc.setStatus(DocumentReferenceStatus.CURRENT);
    doc.setDocStatus(
        review.reviewed()
            ? DocumentReference.ReferredDocumentStatus.FINAL
            : DocumentReference.ReferredDocumentStatus.PRELIMINARY);
    // LOINC 34895-3 "Education note": a document-ontology code (scale Doc), the one IHE PCC
    // uses for patient education documents.
    doc.setType(
        FhirElements.concept(
            PackTerminology.LOINC,
            PackTerminology.LOINC_EDUCATION_NOTE,
            PackTerminology.LOINC_EDUCATION_NOTE_DISPLAY));
    doc.addCategory(
        FhirElements.concept(
            PackTerminology.DOCUMENT_CATEGORY_SYSTEM,
            PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION,
            PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION_DISPLAY));
    SourceDate date = c.latestDate();
    doc.setDateElement(
        date != null && date.day() != null
            ? new InstantType(date.toFhirInstant())
            : FhirElements.unknown(new InstantType()));
    c.authors().forEach(a -> doc.addAuthor(authorReference(a)));
    doc.setDescription(DescriptionPicker.pick(page.article()));
    SourceDate creation = c.published() != null ? c.published() : c.lastReviewed();
    renditions.forEach(
        r ->
            doc.addContent()
                .setAttachment(FhirElements.attachment(r, settings.language(), creation)));
    DocumentReferenceContextComponent context = doc.getContext();
    for (ClinicalContext clinicalContext : settings.contexts()) {
      for (ClinicalContext.Code code : clinicalContext.codes()) {
        context.addEvent(new CodeableConcept(FhirElements.coding(code)));
      }
    }
    context.addRelated(new Reference("Library/" + settings.id()).setDisplay(page.title()));
    return doc;
  }

  /**
   * Display-only reference (authors are not resources here); AI tools carry the same flag as in the
   * Library.
   */
  private static Reference authorReference(Person author) {
    Reference reference = new Reference().setDisplay(author.nameWithCredentials());
    if (author.aiTool()) {
      reference.addExtension(PackTerminology.EXT_AI_GENERATED, new BooleanType(true));
    }
    return reference;
  }
}
