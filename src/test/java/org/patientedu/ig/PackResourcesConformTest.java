package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every resource of the content pack, and every example in the package, conforms to the guide with
 * zero errors, offline.
 */
class PackResourcesConformTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirValidator validator;

  @BeforeAll
  static void loadGuide() {
    validator = ProfileValidation.newValidator(FHIR, IgPackage.fromClasspath());
  }

  @TestFactory
  Stream<DynamicTest> everyPackResourceHasNoValidationError() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("fhir-resources"))) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file.toString(),
                    () -> {
                      IBaseResource resource =
                          FHIR.newJsonParser().parseResource(Files.readString(file));
                      ValidationResult result =
                          validator.validateWithResult(resource, Validation.options(resource));
                      assertThat(Validation.errors(result))
                          .as(file + " against " + Validation.profileFor(resource))
                          .isEmpty();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleInThePackageHasNoValidationError() throws IOException {
    NpmPackage.NpmPackageFolder examples =
        IgPackage.fromClasspath().npm().getFolders().get("example");
    List<String> names =
        examples.listFiles().stream()
            .filter(n -> n.endsWith(".json") && !n.startsWith("."))
            .sorted()
            .toList();
    assertThat(names)
        .hasSizeGreaterThanOrEqualTo(11); // 5 Libraries, 5 DocumentReferences, education given
    return names.stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      IBaseResource resource =
                          FHIR.newJsonParser()
                              .parseResource(
                                  new String(examples.fetchFile(name), StandardCharsets.UTF_8));
                      ValidationResult result =
                          validator.validateWithResult(resource, Validation.options(resource));
                      assertThat(Validation.errors(result)).as(name).isEmpty();
                    }));
  }
}
