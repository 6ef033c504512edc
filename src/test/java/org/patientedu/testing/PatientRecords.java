package org.patientedu.testing;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.contentpack.PackTerminology;

/**
 * A patient's chart as an EHR would record that education was given (the records of the CDS Hooks
 * issue, made here by hand): a Patient, a labor Encounter, the education-given DocumentReference
 * (catalog category, but about the patient) and the Procedure "patient education".
 */
public final class PatientRecords {

  /** A word found only in the patient's record, never in the catalog. */
  public static final String PRIVATE_WORD = "quetzalcoatlite";

  private PatientRecords() {}

  /** The ids the server gave the chart's resources ("Type/id"). */
  public record Chart(
      String patient, String encounter, String documentReference, String procedure) {}

  /** Stores a chart by create (what {@code .c} scopes allow), as an EHR records it. */
  public static Chart storeChart(IGenericClient ehr) {
    Patient patient = new Patient();
    patient.addName(new HumanName().setFamily("Rivera").addGiven("Ana"));
    String patientId = created(ehr, patient);

    Encounter encounter = new Encounter();
    encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient"));
    encounter.setSubject(new Reference(patientId));
    String encounterId = created(ehr, encounter);

    DocumentReference given = new DocumentReference();
    given.setStatus(DocumentReferenceStatus.CURRENT);
    given.setType(new CodeableConcept(new Coding("http://loinc.org", "34895-3", "Education note")));
    given.addCategory(
        new CodeableConcept(
            new Coding(
                PackTerminology.DOCUMENT_CATEGORY_SYSTEM,
                PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION,
                null)));
    given.setSubject(new Reference(patientId));
    given.setDescription("Oxytocin handout given to Ana Rivera, " + PRIVATE_WORD);
    given.getContext().addEncounter(new Reference(encounterId));
    given.getContext().addRelated(new Reference("Library/oxytocin-healthwise"));
    given
        .addContent()
        .setAttachment(new Attachment().setContentType("text/plain").setTitle("printed handout"));
    String givenId = created(ehr, given);

    Procedure procedure = new Procedure();
    procedure.setStatus(Procedure.ProcedureStatus.COMPLETED);
    procedure.setCode(
        new CodeableConcept(
            new Coding("http://snomed.info/sct", "311401005", "Patient education (procedure)")));
    procedure.setSubject(new Reference(patientId));
    procedure.setEncounter(new Reference(encounterId));
    procedure.setPerformed(new DateTimeType("2026-11-22T10:00:00Z"));
    procedure.addReport(new Reference(givenId));
    return new Chart(patientId, encounterId, givenId, created(ehr, procedure));
  }

  private static String created(IGenericClient ehr, org.hl7.fhir.r4.model.Resource resource) {
    return ehr.create().resource(resource).execute().getId().toUnqualifiedVersionless().getValue();
  }

  /** The token scopes an EHR needs to store a chart with {@link #storeChart}. */
  public static final String CHART_WRITER_SCOPES =
      "system/Patient.c system/Encounter.c system/DocumentReference.c system/Procedure.c";
}
