package org.patientedu.contentpack.building;

import java.util.Locale;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.StringType;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.importer.Person;
import org.patientedu.contentpack.importer.SourceDate;

/** Small FHIR element factories shared by the Library and DocumentReference builders. */
final class FhirElements {

  private FhirElements() {}

  static CodeableConcept concept(String system, String code, String display) {
    return new CodeableConcept(new Coding(system, code, display));
  }

  static Coding coding(ClinicalContext.Code code) {
    return new Coding(code.system(), code.code(), code.display());
  }

  /** A primitive with no value and data-absent-reason "unknown": the source states no date. */
  static <T extends PrimitiveType<?>> T unknown(T empty) {
    empty.addExtension(PackTerminology.EXT_DATA_ABSENT_REASON, new CodeType("unknown"));
    return empty;
  }

  static DateTimeType dateTime(SourceDate date) {
    return date == null ? unknown(new DateTimeType()) : new DateTimeType(date.toFhirDate());
  }

  /** Author as stated; credentials and the AI-tool flag go on the ContactDetail itself. */
  static ContactDetail author(Person person) {
    ContactDetail detail = new ContactDetail().setName(person.name());
    if (person.credentials() != null) {
      detail.addExtension(
          PackTerminology.EXT_AUTHOR_CREDENTIALS, new StringType(person.credentials()));
    }
    if (person.aiTool()) {
      detail.addExtension(PackTerminology.EXT_AI_GENERATED, new BooleanType(true));
    }
    return detail;
  }

  /**
   * Reviewer: name without credentials; specialty as written (+ NUCC where we are sure);
   * credentials.
   */
  static ContactDetail reviewer(Person person) {
    ContactDetail detail = new ContactDetail().setName(person.name());
    if (person.specialty() != null) {
      CodeableConcept specialty = new CodeableConcept().setText(person.specialty());
      Coding nucc = nuccCoding(person.specialty());
      if (nucc != null) {
        specialty.addCoding(nucc);
      }
      detail.addExtension(PackTerminology.EXT_REVIEWER_SPECIALTY, specialty);
    }
    if (person.credentials() != null) {
      detail.addExtension(
          PackTerminology.EXT_REVIEWER_CREDENTIALS, new StringType(person.credentials()));
    }
    return detail;
  }

  /** Only the two taxonomy codes we can vouch for; any other specialty stays text. */
  static Coding nuccCoding(String specialty) {
    String s = specialty.trim().toLowerCase(Locale.ROOT).replace("&", "and");
    if (s.equals("family medicine")) {
      return new Coding(
          PackTerminology.NUCC, PackTerminology.NUCC_FAMILY_MEDICINE, "Family Medicine");
    }
    if (s.equals("obstetrics and gynecology")) {
      return new Coding(
          PackTerminology.NUCC,
          PackTerminology.NUCC_OBSTETRICS_GYNECOLOGY,
          "Obstetrics & Gynecology");
    }
    return null;
  }

  /** Attachment pointing at the rendition's Binary, with size and SHA-1 of the exact bytes. */
  static Attachment attachment(Rendition rendition, String language, SourceDate creation) {
    Attachment attachment =
        new Attachment()
            .setContentType(rendition.contentType())
            .setLanguage(language)
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
