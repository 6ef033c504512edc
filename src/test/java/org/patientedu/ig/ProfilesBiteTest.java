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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The profiles reject what they must, as mCODE's ProfileTest does: each row of {@code
 * ig/tests_errors.csv} names a broken example (one defect in an otherwise valid resource from
 * {@code ig/valid/}) and the text the validator's error must contain.
 */
class ProfilesBiteTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Path RESOURCES = Path.of("src/test/resources/ig");
  private static FhirValidator validator;

  @BeforeAll
  static void loadGuide() {
    validator = ProfileValidation.newValidator(FHIR, IgPackage.fromClasspath());
  }

  @TestFactory
  Stream<DynamicTest> theValidBaselinesHaveNoError() throws IOException {
    try (Stream<Path> files = Files.list(RESOURCES.resolve("valid"))) {
      return files.sorted().toList().stream()
          .map(
              file ->
                  DynamicTest.dynamicTest(
                      file.getFileName().toString(),
                      () -> {
                        IBaseResource resource = parse(file);
                        ValidationResult result =
                            validator.validateWithResult(resource, Validation.options(resource));
                        assertThat(Validation.errors(result)).isEmpty();
                      }));
    }
  }

  @TestFactory
  Stream<DynamicTest> eachBrokenExampleRaisesItsError() throws IOException {
    List<String[]> rows =
        Files.readAllLines(RESOURCES.resolve("tests_errors.csv"), StandardCharsets.UTF_8).stream()
            .skip(1)
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> line.split(",", 2))
            .toList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
    try (Stream<Path> files = Files.list(RESOURCES.resolve("errors"))) {
      assertThat(files.map(f -> f.getFileName().toString()).sorted().toList())
          .as("every broken example has a row, and every row a file")
          .isEqualTo(rows.stream().map(r -> r[0]).sorted().toList());
    }
    return rows.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row[0],
                    () -> {
                      IBaseResource resource = parse(RESOURCES.resolve("errors").resolve(row[0]));
                      ValidationResult result =
                          validator.validateWithResult(resource, Validation.options(resource));
                      List<String> errors = Validation.errors(result);
                      assertThat(errors)
                          .as(row[0])
                          .anySatisfy(error -> assertThat(error).contains(row[1].strip()));
                    }));
  }

  private static IBaseResource parse(Path file) throws IOException {
    return FHIR.newJsonParser().parseResource(Files.readString(file));
  }
}
