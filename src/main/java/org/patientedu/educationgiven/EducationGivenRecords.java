package org.patientedu.educationgiven;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.contentpack.PackTerminology;

/**
 * Builds the two resources that record education given (profiles education-given-documentreference
 * and education-given-procedure), the same for an EHR's chart and for this server's store.
 *
 * <p>The DocumentReference points at the exact versions given ({@code context.related}: the Library
 * and the catalog DocumentReference, each {@code .../_history/n}); the Procedure's {@code report}
 * points at the DocumentReference. Both carry an {@code urn:uuid} identifier: a chart that stores
 * them from a CDS Hooks suggestion gives them ids of its own, so there the Procedure finds its
 * DocumentReference by that identifier; in a transaction on this server the {@code urn:uuid} is the
 * DocumentReference's fullUrl and HAPI turns it into the stored id.
 */
public final class EducationGivenRecords {

  static final String URI_SYSTEM = "urn:ietf:rfc:3986";

  private EducationGivenRecords() {}

  /**
   * The catalog page given, as stored.
   *
   * @param libraryVersion the Library's meta.versionId
   * @param documentVersion the catalog DocumentReference's meta.versionId; null when the page has
   *     none
   * @param address where the handout given is read (its page or PDF), absolute
   */
  public record Handout(
      String pageId, long libraryVersion, Long documentVersion, String title, String address) {}

  /**
   * Who got it, where, from whom, how and when.
   *
   * @param patient a Patient reference (required)
   * @param encounter an Encounter reference (required)
   * @param practitioner the clinician who gave it (Practitioner or PractitionerRole); null if not
   *     known
   * @param language the language given (BCP 47, e.g. es)
   */
  public record Given(
      String patient,
      String encounter,
      String practitioner,
      Medium medium,
      String language,
      Instant when) {}

  /** Why: the encounter's reasons (codes) and diagnoses (Condition references). */
  public record Reasons(List<Coding> codes, List<String> conditions) {
    public Reasons {
      codes = List.copyOf(codes);
      conditions = List.copyOf(conditions);
    }

    public static Reasons none() {
      return new Reasons(List.of(), List.of());
    }
  }

  /** The pair, and the urn:uuid that ties them (the DocumentReference's fullUrl in a bundle). */
  public record Records(DocumentReference document, Procedure procedure, String documentUrn) {}

  /**
   * @param catalogBase this server's FHIR base (e.g. https://education.example.org/fhir) for a
   *     record kept elsewhere; empty for one stored here (relative references)
   * @param sameBundle true when both are stored in one transaction (report by the fullUrl), false
   *     when an EHR stores them (report by identifier)
   */
  public static Records build(
      String catalogBase, Handout handout, Given given, Reasons reasons, boolean sameBundle) {
    String documentUrn = "urn:uuid:" + UUID.randomUUID();
    DocumentReference document = document(catalogBase, handout, given, documentUrn);
    Procedure procedure = procedure(given, reasons, handout, documentUrn, sameBundle);
    return new Records(document, procedure, documentUrn);
  }

  private static DocumentReference document(
      String catalogBase, Handout handout, Given given, String documentUrn) {
    DocumentReference document = new DocumentReference();
    document.getMeta().addProfile(PackTerminology.PROFILE_EDUCATION_GIVEN);
    document.addExtension(
        PackTerminology.EXT_EDUCATION_MEDIUM,
        new Coding(
            PackTerminology.EDUCATION_MEDIUM_SYSTEM,
            given.medium().code(),
            given.medium().display()));
    document.setMasterIdentifier(new Identifier().setSystem(URI_SYSTEM).setValue(documentUrn));
    document.setStatus(DocumentReferenceStatus.CURRENT);
    document.setType(
        new CodeableConcept(
            new Coding(
                PackTerminology.LOINC,
                PackTerminology.LOINC_EDUCATION_NOTE,
                PackTerminology.LOINC_EDUCATION_NOTE_DISPLAY)));
    document.addCategory(
        new CodeableConcept(
            new Coding(
                PackTerminology.DOCUMENT_CATEGORY_SYSTEM,
                PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION,
                PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION_DISPLAY)));
    document.setSubject(new Reference(given.patient()));
    document.setDateElement(new InstantType(Date.from(given.when())));
    if (given.practitioner() != null) {
      document.addAuthor(new Reference(given.practitioner()));
    }
    document.setDescription(
        "Patient education given: "
            + handout.title()
            + " ("
            + given.medium().display().toLowerCase(Locale.ROOT)
            + ", "
            + languageName(given.language())
            + ")");
    String prefix = catalogBase.isEmpty() ? "" : catalogBase + "/";
    String library =
        prefix + "Library/" + handout.pageId() + "/_history/" + handout.libraryVersion();
    if (handout.documentVersion() != null) {
      String catalogDocument =
          prefix
              + "DocumentReference/"
              + handout.pageId()
              + "/_history/"
              + handout.documentVersion();
      // This record is a rendering (printed, PDF, on screen) of that catalog document.
      document
          .addRelatesTo()
          .setCode(DocumentReference.DocumentRelationshipType.TRANSFORMS)
          .setTarget(new Reference(catalogDocument).setDisplay(handout.title()));
      document.getContext().addRelated(new Reference(catalogDocument).setDisplay(handout.title()));
    }
    document.getContext().addRelated(new Reference(library).setDisplay(handout.title()));
    document.getContext().addEncounter(new Reference(given.encounter()));
    document
        .addContent()
        .setAttachment(
            new Attachment()
                .setContentType(given.medium() == Medium.PDF ? "application/pdf" : "text/html")
                .setLanguage(given.language())
                .setUrl(handout.address())
                .setTitle(handout.title()));
    return document;
  }

  private static Procedure procedure(
      Given given, Reasons reasons, Handout handout, String documentUrn, boolean sameBundle) {
    Procedure procedure = new Procedure();
    procedure.getMeta().addProfile(PackTerminology.PROFILE_EDUCATION_GIVEN_PROCEDURE);
    procedure.addIdentifier().setSystem(URI_SYSTEM).setValue("urn:uuid:" + UUID.randomUUID());
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.setCode(
        new CodeableConcept(
            new Coding(
                PackTerminology.SNOMED,
                PackTerminology.SNOMED_PATIENT_EDUCATION,
                PackTerminology.SNOMED_PATIENT_EDUCATION_DISPLAY)));
    procedure.setSubject(new Reference(given.patient()));
    procedure.setEncounter(new Reference(given.encounter()));
    procedure.setPerformed(new DateTimeType(Date.from(given.when())));
    if (given.practitioner() != null) {
      procedure.addPerformer().setActor(new Reference(given.practitioner()));
    }
    for (Coding reason : reasons.codes()) {
      procedure.addReasonCode(new CodeableConcept(reason.copy()));
    }
    for (String condition : reasons.conditions()) {
      procedure.addReasonReference(new Reference(condition));
    }
    Reference report =
        sameBundle
            ? new Reference(documentUrn)
            : new Reference()
                .setType("DocumentReference")
                .setIdentifier(new Identifier().setSystem(URI_SYSTEM).setValue(documentUrn));
    procedure.addReport(report.setDisplay("Patient education given: " + handout.title()));
    return procedure;
  }

  private static String languageName(String tag) {
    String name = Locale.forLanguageTag(tag).getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() ? tag : name;
  }
}
