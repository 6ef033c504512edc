package org.patientedu.ig;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;

/**
 * Makes {@code /fhir/metadata} name this guide: the application's version as software version (the
 * same as the package's), the guide it implements, the CapabilityStatement it instantiates and the
 * profiles it supports, so a client can find the contract from the server itself.
 */
@Interceptor
class IgCapabilityStatement {

  static final String CAPABILITY_STATEMENT =
      "http://fhir.patientedu.org/CapabilityStatement/patient-education-server";

  private final IgPackage igPackage;
  private final String appVersion;

  IgCapabilityStatement(IgPackage igPackage, String appVersion) {
    this.igPackage = igPackage;
    this.appVersion = appVersion;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void nameTheGuide(IBaseConformance generated) {
    CapabilityStatement capabilities = (CapabilityStatement) generated;
    capabilities.getSoftware().setVersion(appVersion);
    capabilities.addImplementationGuide(
        igPackage.canonical()
            + "/ImplementationGuide/"
            + igPackage.name()
            + "|"
            + igPackage.version());
    capabilities.addInstantiates(CAPABILITY_STATEMENT + "|" + igPackage.version());
    for (var rest : capabilities.getRest()) {
      for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
        switch (resource.getType()) {
          case "Library" -> resource.addSupportedProfile(ProfileValidation.LIBRARY_PROFILE);
          case "DocumentReference" -> {
            resource.addSupportedProfile(ProfileValidation.DOCUMENT_REFERENCE_PROFILE);
            resource.addSupportedProfile(ProfileValidation.EDUCATION_GIVEN_PROFILE);
          }
          default -> {}
        }
      }
    }
  }
}
