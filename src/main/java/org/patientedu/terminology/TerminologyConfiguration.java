package org.patientedu.terminology;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import org.hl7.fhir.r4.model.ValueSet;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.patientedu.ig.IgPackage;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The code families, read once from the guide's package, and HAPI's ValueSet operations on {@code
 * /fhir} ({@code $expand}, {@code $validate-code}), which work over the guide's code systems once
 * {@code ig.IgConformanceInstaller} has stored them.
 */
@Configuration(proxyBeanMethods = false)
class TerminologyConfiguration {

  @Bean
  CodeFamilies codeFamilies(IgPackage igPackage, FhirContext fhirContext) {
    return CodeFamilies.from(igPackage.resources(ValueSet.class, fhirContext));
  }

  /**
   * Right after the guide's code systems are stored (ig.IgConformanceInstaller, order -10), HAPI's
   * validation support forgets what it looked up before they were there, so the next lookup of
   * SNOMED CT or ICD-10-CM finds the fragments.
   */
  @Bean
  @Order(-9)
  ApplicationRunner forgetCodeSystemsLookedUpBeforeInstall(IValidationSupport validationSupport) {
    return args -> validationSupport.invalidateCaches();
  }

  @Bean
  FhirServerPlugin valueSetOperations(ValueSetOperationProvider valueSetOperationProvider) {
    return server -> server.registerProvider(valueSetOperationProvider);
  }
}
