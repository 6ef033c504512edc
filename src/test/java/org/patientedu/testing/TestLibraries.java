package org.patientedu.testing;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.patientedu.contentpack.PackTerminology;

/** Libraries the tests store for themselves, apart from the content pack. */
public final class TestLibraries {

  private TestLibraries() {}

  /** A minimal draft catalog entry: what a test needs, nothing a test does not look at. */
  public static Library draft(String id, String title, String description) {
    Library library = new Library();
    library.setId(id);
    library.setUrl("http://fhir.patientedu.org/Library/" + id);
    library.setVersion("1.0.0");
    library.setName("TestLibrary");
    library.setTitle(title);
    library.setStatus(PublicationStatus.DRAFT);
    library.setType(
        new CodeableConcept(
            new Coding()
                .setSystem("http://terminology.hl7.org/CodeSystem/library-type")
                .setCode("asset-collection")));
    library.setDescription(description);
    return library;
  }

  /**
   * The catalog DocumentReference of the same id as a test Library (the lifecycle operations carry
   * each change to it): education material, no patient.
   */
  public static DocumentReference catalogDocument(String id) {
    DocumentReference document = new DocumentReference();
    document.setId(id);
    document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    document.setType(
        new CodeableConcept(new Coding("http://loinc.org", "34895-3", "Education note")));
    document.addCategory(
        new CodeableConcept(
            new Coding(
                PackTerminology.DOCUMENT_CATEGORY_SYSTEM,
                PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION,
                null)));
    document
        .addContent()
        .setAttachment(new Attachment().setContentType("text/html").setUrl("Binary/" + id));
    return document;
  }
}
