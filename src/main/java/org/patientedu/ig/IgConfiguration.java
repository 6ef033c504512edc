package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The implementation guide inside the application: the package the build made, a validator that
 * knows its profiles ({@code profileValidator}), and the FHIR server's use of both (write
 * validation, CapabilityStatement).
 */
@Configuration(proxyBeanMethods = false)
class IgConfiguration {

  @Bean
  IgPackage igPackage() {
    return IgPackage.fromClasspath();
  }

  /**
   * Validates against this guide's profiles, offline; other features may inject it by this name.
   */
  @Bean
  FhirValidator profileValidator(FhirContext fhirContext, IgPackage igPackage) {
    return ProfileValidation.newValidator(fhirContext, igPackage);
  }

  /**
   * Every write that claims one of the guide's profiles is held to it (fhirserver registers it).
   */
  @Bean
  ProfileWriteValidation profileWriteValidation(
      FhirContext fhirContext, FhirValidator profileValidator) {
    return new ProfileWriteValidation(fhirContext, profileValidator);
  }

  /** /fhir/metadata names the guide. */
  @Bean
  FhirServerPlugin implementationGuidePlugin(
      IgPackage igPackage, ObjectProvider<BuildProperties> buildProperties) {
    BuildProperties build = buildProperties.getIfAvailable();
    String appVersion = build != null ? build.getVersion() : igPackage.version();
    return server -> server.registerInterceptor(new IgCapabilityStatement(igPackage, appVersion));
  }
}
