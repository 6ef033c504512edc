package org.patientedu.educationgiven;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.contentpack.PackTerminology;

/**
 * {@code POST /fhir/Library/{id}/$record-given}: this server stores the education-given record
 * itself (for EHRs that keep it with the content service): the DocumentReference and the Procedure
 * in one transaction, answered as the stored resources. The transaction runs with the caller's
 * request, so the caller's scopes decide the writes (system/DocumentReference.c and
 * system/Procedure.c) and the audit trail records them.
 */
public class RecordGivenOperation {

  public static final String NAME = PackTerminology.OPERATION_RECORD_GIVEN;

  private final EducationGivenStore store;

  RecordGivenOperation(EducationGivenStore store) {
    this.store = store;
  }

  @Operation(name = NAME, type = Library.class, idempotent = false)
  public Parameters recordGiven(
      @IdParam IdType libraryId,
      @OperationParam(name = "patient", min = 1, max = 1) Reference patient,
      @OperationParam(name = "encounter", min = 1, max = 1) Reference encounter,
      @OperationParam(name = "practitioner", max = 1) Reference practitioner,
      @OperationParam(name = "medium", min = 1, max = 1) CodeType medium,
      @OperationParam(name = "language", max = 1) CodeType language,
      RequestDetails request) {
    String patientRef = reference(patient, "patient", "Patient");
    String encounterRef = reference(encounter, "encounter", "Encounter");
    String practitionerRef =
        practitioner == null || !practitioner.hasReference()
            ? null
            : reference(practitioner, "practitioner", "Practitioner", "PractitionerRole");
    Medium given =
        Medium.fromCode(medium == null ? "" : medium.getValue())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "medium must be one of " + Medium.codes() + " (the way it was given)"));
    EducationGivenStore.Stored stored =
        store.store(
            store.approvedLibrary(libraryId.getIdPart()),
            patientRef,
            encounterRef,
            practitionerRef,
            given,
            language == null ? null : language.getValue(),
            request,
            false);
    Parameters answer = new Parameters();
    answer.addParameter().setName("documentReference").setResource(stored.document());
    answer.addParameter().setName("procedure").setResource(stored.procedure());
    return answer;
  }

  private static String reference(Reference reference, String name, String... types) {
    if (reference == null || !reference.hasReference()) {
      throw new InvalidRequestException(
          name + " is required (a reference such as " + types[0] + "/123)");
    }
    IdType id = new IdType(reference.getReference());
    if (!id.hasIdPart() || !List.of(types).contains(id.getResourceType())) {
      throw new InvalidRequestException(
          name
              + " must reference a "
              + String.join(" or ", types)
              + ", not '"
              + reference.getReference()
              + "'");
    }
    return reference.getReference();
  }
}
