package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.NpmPackageValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.patientedu.contentpack.PackTerminology;

/**
 * An offline validator that knows this guide's profiles, extensions and terminology: the package
 * the build made and the packages it depends on (the FHIR extensions pack, whose extension contexts
 * catch an extension used where it is not allowed), FHIR R4 core, the code systems HAPI checks
 * without a server (languages, MIME types, UCUM), in-memory expansion of our value sets, and
 * snapshots (SUSHI writes differentials). SNOMED CT and ICD-10-CM codes are checked against the
 * guide's fragments of them (content = fragment: a code they do not list is a warning, not an
 * error), LOINC against our value sets.
 */
public final class ProfileValidation {

  /** The profiles a written resource may claim in meta.profile to be held to. */
  static final List<String> PROFILES =
      List.of(
          PackTerminology.PROFILE_LIBRARY,
          PackTerminology.PROFILE_DOCUMENT_REFERENCE,
          PackTerminology.PROFILE_EDUCATION_GIVEN);

  private ProfileValidation() {}

  /**
   * Made with this application's class loader as the thread's context class loader, whichever
   * thread asks: HAPI finds its cache provider through that loader (a {@code ServiceLoader}), and
   * the validator is made on first use, possibly on a thread whose context class loader under
   * {@code java -jar} sees none of the application (a common fork-join pool thread's: "HAPI-2200:
   * No Cache Service Providers found").
   */
  public static FhirValidator newValidator(FhirContext fhirContext, IgPackage igPackage) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(ProfileValidation.class.getClassLoader());
    try {
      return build(fhirContext, igPackage);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static FhirValidator build(FhirContext fhirContext, IgPackage igPackage) {
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
}
