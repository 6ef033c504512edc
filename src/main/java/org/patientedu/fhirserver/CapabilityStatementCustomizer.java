package org.patientedu.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/** Names the software; what security the server offers is described by the security feature. */
@Interceptor
class CapabilityStatementCustomizer {

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void nameSoftware(IBaseConformance generated) {
    ((CapabilityStatement) generated).getSoftware().setName("Patient education content module");
  }
}
