package org.patientedu.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The validator that content must pass before it is stored. */
@Configuration(proxyBeanMethods = false)
public class ValidationConfiguration {

  @Bean
  FhirValidator contentValidator(FhirContext fhirContext) {
    return offlineValidator(fhirContext);
  }

  /**
   * The FHIR R4 base definitions and the terminologies that can be checked without a terminology
   * server. SNOMED CT and ICD-10-CM codes are not expanded here.
   */
  public static FhirValidator offlineValidator(FhirContext fhirContext) {
    ValidationSupportChain chain =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(fhirContext),
            new CommonCodeSystemsTerminologyService(fhirContext),
            new InMemoryTerminologyServerValidationSupport(fhirContext),
            new SnapshotGeneratingValidationSupport(fhirContext));
    FhirValidator validator = fhirContext.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(chain));
    return validator;
  }
}
