package org.patientedu.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** OperationOutcomes for answers given outside HAPI's own exception handling (servlet filters). */
public final class OperationOutcomes {

  private OperationOutcomes() {}

  public static OperationOutcome error(String issueCode, String message) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(IssueSeverity.ERROR)
        .setCode(IssueType.fromCode(issueCode))
        .setDiagnostics(message);
    return outcome;
  }

  public static String errorJson(String issueCode, String message) {
    return FhirContext.forR4Cached()
        .newJsonParser()
        .encodeResourceToString(error(issueCode, message));
  }
}
