package org.patientedu.ig;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.patientedu.contentpack.PackTerminology;

/**
 * Makes {@code /fhir/metadata} name this guide: the application's version as software version (the
 * same as the package's), the guide it implements, the CapabilityStatement it instantiates and the
 * profiles it supports, so a client can find the contract from the server itself.
 */
@Interceptor
class IgCapabilityStatement {

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
    capabilities.addInstantiates(PackTerminology.CAPABILITY_STATEMENT + "|" + igPackage.version());
    for (var rest : capabilities.getRest()) {
      for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
        switch (resource.getType()) {
          case "Library" -> resource.addSupportedProfile(PackTerminology.PROFILE_LIBRARY);
          case "DocumentReference" -> {
            resource.addSupportedProfile(PackTerminology.PROFILE_DOCUMENT_REFERENCE);
            resource.addSupportedProfile(PackTerminology.PROFILE_EDUCATION_GIVEN);
          }
          default -> {}
        }
      }
    }
  }
}
