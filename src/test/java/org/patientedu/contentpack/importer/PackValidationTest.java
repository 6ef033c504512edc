package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.building.FhirJson;
import org.patientedu.ig.IgPackage;
import org.patientedu.ig.ProfileValidation;

/**
 * The pack loader rejects any resource with validation errors; this checks the imported folders
 * with the loader's validator (R4 core and this guide's profiles), without Spring.
 */
class PackValidationTest {

  @Test
  void importedResourcesHaveNoValidationErrors() throws IOException {
    FhirContext context = FhirJson.context();
    FhirValidator validator = ProfileValidation.newValidator(context, IgPackage.fromClasspath());
    List<Path> folders = PackEntryWriter.importedFolders(PackFixtures.PACK);
    assertThat(folders)
        .extracting(folder -> folder.getFileName().toString())
        .containsExactlyInAnyOrderElementsOf(PackFixtures.IDS);
    for (Path folder : folders) {
      assertThat(jsonFiles(folder))
          .extracting(json -> json.getFileName().toString())
          .containsExactly(
              "Binary-html.json", "Binary-text.json", "DocumentReference.json", "Library.json");
      for (Path json : jsonFiles(folder)) {
        List<SingleValidationMessage> errors =
            validator.validateWithResult(Files.readString(json)).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .toList();
        assertThat(errors)
            .as("validation errors in %s", json)
            .extracting(m -> m.getLocationString() + " " + m.getMessage())
            .isEmpty();
      }
    }
  }

  private static List<Path> jsonFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }
}
