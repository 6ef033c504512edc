package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.patientedu.contentpack.PackTerminology;

/**
 * An offline validator that knows this guide's profiles, extensions and terminology: the package
 * the build made and the packages it depends on (the FHIR extensions pack, whose extension contexts
 * catch an extension used where it is not allowed), FHIR R4 core, the code systems HAPI checks
 * without a server (languages, MIME types, UCUM), in-memory expansion of our value sets, and
 * snapshots (SUSHI writes differentials). SNOMED CT, LOINC and ICD-10-CM codes are checked against
 * our value sets' enumerations only.
 */
public final class ProfileValidation {

  /** The profiles a written resource may claim in meta.profile to be held to. */
  static final List<String> PROFILES =
      List.of(
          PackTerminology.PROFILE_LIBRARY,
          PackTerminology.PROFILE_DOCUMENT_REFERENCE,
          PackTerminology.PROFILE_EDUCATION_GIVEN);

  private static final List<String> SUPPORT_FILES = List.of("CodeSystem-icd-10-cm-fragment.json");

  private ProfileValidation() {}

  public static FhirValidator newValidator(FhirContext fhirContext, IgPackage igPackage) {
    NpmPackageValidationSupport guide = new NpmPackageValidationSupport(fhirContext);
    try {
      guide.loadPackageFromClasspath("classpath:" + igPackage.classpathLocation());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load " + igPackage.classpathLocation(), e);
    }
    ValidationSupportChain chain =
        new ValidationSupportChain(
            guide,
            dependencies(fhirContext, igPackage),
            validationOnlySupport(fhirContext),
            new DefaultProfileValidationSupport(fhirContext),
            new CommonCodeSystemsTerminologyService(fhirContext),
            new InMemoryTerminologyServerValidationSupport(fhirContext),
            new SnapshotGeneratingValidationSupport(fhirContext));
    FhirInstanceValidator instanceValidator = new FhirInstanceValidator(chain);
    FhirValidator validator = fhirContext.newValidator();
    validator.registerValidatorModule(instanceValidator);
    return validator;
  }

  /** The packages the guide depends on, as the build put them beside it on the classpath. */
  private static NpmPackageValidationSupport dependencies(
      FhirContext fhirContext, IgPackage igPackage) {
    NpmPackageValidationSupport dependencies = new NpmPackageValidationSupport(fhirContext);
    List<String> locations = igPackage.dependencyClasspathLocations();
    if (locations.isEmpty()) {
      throw new IllegalStateException(
          "The guide's dependencies (classpath:ig/dependencies/*.tgz) are missing: run the build");
    }
    for (String location : locations) {
      try {
        dependencies.loadPackageFromClasspath("classpath:" + location);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot load " + location, e);
      }
    }
    return dependencies;
  }

  /**
   * Definitions the validator needs that are not ours to publish, so they stay out of the package
   * ({@code classpath:ig/validation-support/}, copied there from {@code ig/validation-support/} by
   * the build): an ICD-10-CM fragment with the codes our value set uses.
   */
  private static PrePopulatedValidationSupport validationOnlySupport(FhirContext fhirContext) {
    PrePopulatedValidationSupport support = new PrePopulatedValidationSupport(fhirContext);
    IParser parser = fhirContext.newJsonParser();
    for (String file : SUPPORT_FILES) {
      try (InputStream in =
          ProfileValidation.class.getResourceAsStream("/ig/validation-support/" + file)) {
        if (in == null) {
          throw new IllegalStateException("Missing classpath:ig/validation-support/" + file);
        }
        support.addResource(parser.parseResource(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return support;
  }
}
