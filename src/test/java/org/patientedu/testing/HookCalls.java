package org.patientedu.testing;

/** CDS Hooks calls that tests send as an EHR would. */
public final class HookCalls {

  /**
   * A patient-view call for a patient with an active lactation condition (SNOMED CT 413712001),
   * prefetched, so the service needs no FHIR server of the EHR's.
   */
  public static final String PATIENT_VIEW_LACTATION =
      """
      {"hook": "patient-view", "hookInstance": "4b2a1f0e-7c3d-4e8a-9f10-2b6c5d4e3f21",
       "context": {"userId": "Practitioner/nurse-1", "patientId": "p1"},
       "prefetch": {
         "patient": {"resourceType": "Patient", "id": "p1"},
         "conditions": {"resourceType": "Bundle", "type": "searchset", "entry": [{"resource": {
           "resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"},
           "clinicalStatus": {"coding": [{"system":
             "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
           "code": {"coding": [{"system": "http://snomed.info/sct", "code": "413712001"}]}}}]}}}
      """;

  private HookCalls() {}
}
