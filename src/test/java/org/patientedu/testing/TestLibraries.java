package org.patientedu.testing;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;

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
}
