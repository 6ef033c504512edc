package org.patientedu.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * The CapabilityStatement's {@code rest.security}: SMART on FHIR and where its token endpoint is.
 */
@Interceptor
final class SmartCapabilityStatement {

  static final String OAUTH_URIS =
      "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

  private final SmartEndpoints endpoints;
  private final boolean publicRead;
  private final boolean cors;

  SmartCapabilityStatement(SmartEndpoints endpoints, boolean publicRead, boolean cors) {
    this.endpoints = endpoints;
    this.publicRead = publicRead;
    this.cors = cors;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void describeSecurity(IBaseConformance generated, ServletRequestDetails request) {
    CapabilityStatement capabilities = (CapabilityStatement) generated;
    for (CapabilityStatementRestComponent rest : capabilities.getRest()) {
      CapabilityStatementRestSecurityComponent security =
          new CapabilityStatementRestSecurityComponent();
      security.setCors(cors);
      security.addService(
          new CodeableConcept(
                  new Coding(
                      "http://terminology.hl7.org/CodeSystem/restful-security-service",
                      "SMART-on-FHIR",
                      "SMART-on-FHIR"))
              .setText("OAuth2 using SMART-on-FHIR profile (SMART Backend Services)"));
      Extension oauthUris = security.addExtension().setUrl(OAUTH_URIS);
      oauthUris.addExtension("token", new UriType(endpoints.tokenUrl(request.getServletRequest())));
      security.setDescription(
          (publicRead
                  ? "The published catalog (Library, education DocumentReference, Binary) is public to"
                      + " read. "
                  : "Every read needs a token. ")
              + "Everything else needs a SMART Backend Services token with system scopes:"
              + " system/Library.cu, system/DocumentReference.cu, system/Binary.cu for editors"
              + " (system/Library.u for $review, $approve, $retire); .rs to read and .c to record"
              + " patient-specific resources; system/AuditEvent.rs for AuditEvent and Provenance."
              + " Discovery: .well-known/smart-configuration.");
      rest.setSecurity(security);
    }
  }
}
