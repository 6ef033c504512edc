package org.patientedu.contentpack.building;

import java.util.List;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.contentpack.fhir.CreditElements;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ImportSettings;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.SourceDate;

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
        SourceNarrative.build(
            page,
            settings.language(),
            settings.contexts(),
            review.inUse()
                ? "final (the source names its medical reviewers)"
                : "preliminary (the source names no medical reviewer)"));
    CreditElements.setReview(
        doc,
        c.lastReviewed() == null ? null : new DateType(c.lastReviewed().toFhirDate()),
        c.reviewers());
    // Stable across servers, so an integrator's package installer can match the document.
    doc.addIdentifier()
        .setSystem(PackTerminology.DOCUMENT_IDENTIFIER_SYSTEM)
        .setValue(settings.id());
    doc.setStatus(DocumentReferenceStatus.CURRENT);
    doc.setDocStatus(
        review.inUse()
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
    // date: when the source published the page, as for Library.date
    SourceDate date = c.published();
    doc.setDateElement(
        date != null && date.day() != null
            ? new InstantType(date.toFhirInstant())
            : FhirElements.unknown(new InstantType()));
    c.authors().forEach(a -> doc.addAuthor(CreditElements.authorReference(a)));
    doc.setDescription(DescriptionPicker.pick(page.article()));
    renditions.forEach(
        r ->
            doc.addContent()
                .setAttachment(FhirElements.attachment(r, settings.language(), c.published())));
    ContextElements.addEvents(doc, settings.contexts());
    doc.getContext().addRelated(new Reference("Library/" + settings.id()).setDisplay(page.title()));
    return doc;
  }
}
