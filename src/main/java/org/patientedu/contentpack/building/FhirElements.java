package org.patientedu.contentpack.building;

import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.SourceDate;

/** Small FHIR element factories shared by the Library and DocumentReference builders. */
final class FhirElements {

  private FhirElements() {}

  static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept(new org.hl7.fhir.r4.model.Coding(system, code, display));
  }

  /** A primitive with no value and data-absent-reason "unknown": the source states no date. */
  static <T extends PrimitiveType<?>> T unknown(T empty) {
    empty.addExtension(PackTerminology.EXT_DATA_ABSENT_REASON, new CodeType("unknown"));
    return empty;
  }

  static DateTimeType dateTime(SourceDate date) {
    return date == null ? unknown(new DateTimeType()) : new DateTimeType(date.toFhirDate());
  }

  /**
   * Attachment pointing at the rendition's Binary, with size and SHA-1 of the exact bytes.
   *
   * @param creation when the source published the content, or null (no date is put in its place)
   */
  static Attachment attachment(Rendition rendition, String language, SourceDate creation) {
    Attachment attachment =
        new Attachment()
            .setContentType(rendition.contentType())
            .setLanguage(rendition.language() == null ? language : rendition.language())
            .setUrl("Binary/" + rendition.binaryId())
            .setSize(rendition.size())
            .setHash(rendition.sha1())
            .setTitle(rendition.title());
    if (creation != null) {
      attachment.setCreationElement(new DateTimeType(creation.toFhirDate()));
    }
    return attachment;
  }
}
