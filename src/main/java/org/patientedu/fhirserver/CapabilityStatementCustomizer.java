package org.patientedu.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CodeableConcept;

/** Makes the CapabilityStatement tell the truth about who may write. */
@Interceptor
class CapabilityStatementCustomizer {

  private final boolean writesEnabled;

  CapabilityStatementCustomizer(boolean writesEnabled) {
    this.writesEnabled = writesEnabled;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describeSecurity(IBaseConformance generated) {
    CapabilityStatement capabilities = (CapabilityStatement) generated;
    capabilities.getSoftware().setName("Patient education content module");
    for (CapabilityStatementRestComponent rest : capabilities.getRest()) {
      rest.getSecurity()
          .setCors(false)
          .addService(new CodeableConcept().setText("Bearer token (editor credential) for writes"))
          .setDescription(
              writesEnabled
                  ? "Reads are public. Create, update, delete, transaction and operations that change data"
                      + " need an editor bearer token (Authorization: Bearer ...)."
                  : "Reads are public. This instance has no editor credential configured: it is read-only.");
    }
  }
}
