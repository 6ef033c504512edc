package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The implementation guide inside the application: the package the build made, a validator that
 * knows its profiles ({@code profileValidator}), and the FHIR server's use of both (write
 * validation, CapabilityStatement).
 */
@Configuration(proxyBeanMethods = false)
class IgConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IgConfiguration.class);

  @Bean
  IgPackage igPackage() {
    return IgPackage.fromClasspath();
  }

  /**
   * Validates against this guide's profiles, offline; other features may inject it by this name.
   *
   * <p>Made on first use, not at start-up: it parses the guide's dependency package (680 extension
   * definitions, about a third of the FHIR definitions a node holds) and keeps them. A restart on
   * an unchanged pack validates nothing, and a node that only serves never writes a profiled
   * resource, so neither holds them; the first new pack file or profiled write pays for them (0.7 s
   * measured). Inject it through an {@code ObjectProvider} so that injecting does not make it.
   */
  @Lazy
  @Bean
  FhirValidator profileValidator(FhirContext fhirContext, IgPackage igPackage) {
    long started = System.nanoTime();
    FhirValidator validator = ProfileValidation.newValidator(fhirContext, igPackage);
    log.info(
        "{} {} profile validator made on first use in {} ms",
        igPackage.name(),
        igPackage.version(),
        (System.nanoTime() - started) / 1_000_000);
    return validator;
  }

  /**
   * Every write that claims one of the guide's profiles is held to it (fhirserver registers it).
   */
  @Bean
  ProfileWriteValidation profileWriteValidation(
      FhirContext fhirContext, ObjectProvider<FhirValidator> profileValidator) {
    return new ProfileWriteValidation(fhirContext, profileValidator::getObject);
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
