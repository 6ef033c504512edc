package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import integrator.InstallThePackageOnStart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.testing.ServerProcess;

/**
 * The integrator's path: an empty server (no content pack, its own data folder, its own JVM) runs
 * HAPI's package installer on the package file this server serves, exactly as loading.md tells
 * integrators to ({@link InstallThePackageOnStart}), and then serves the five seed pages, read over
 * HTTP, which meet the profiles.
 */
class PackageInstallIT {

  @TempDir Path dataDir;

  @TempDir Path work;

  @Test
  void anEmptyServerInstallsThePackageAndServesTheFivePagesAsProfiled() throws Exception {
    IgPackage igPackage = IgPackage.fromClasspath();
    Path packageFile = work.resolve("org.patientedu.fhir-0.1.0.tgz");
    Files.write(packageFile, igPackage.bytes());

    try (ServerProcess server =
        ServerProcess.startWithExtraClasses(
            InstallThePackageOnStart.class,
            Map.of(
                "edu.data-dir", dataDir.toString(),
                "edu.content-pack.enabled", "false",
                "integrator.package", packageFile.toString()),
            work.resolve("server.log"))) {
      server.awaitReady(Duration.ofMinutes(5));
      assertThat(server.log())
          .contains("Content pack loading is off")
          .contains("Integrator installed the package:");

      IGenericClient client = server.client();
      assertThat(
              client
                  .search()
                  .forResource(StructureDefinition.class)
                  .where(StructureDefinition.URL.matches().value(PackTerminology.PROFILE_LIBRARY))
                  .returnBundle(Bundle.class)
                  .execute()
                  .getEntry())
          .hasSize(1);
      Bundle libraries =
          client.search().byUrl("Library?_count=50").returnBundle(Bundle.class).execute();
      assertThat(libraries.getEntry())
          .as("the package's five pages and nothing else: the server started empty")
          .extracting(e -> e.getResource().getIdElement().getIdPart())
          .containsExactlyInAnyOrderElementsOf(ImplementationGuideIT.PAGES);

      FhirValidator validator =
          ProfileValidation.newValidator(FhirContext.forR4Cached(), igPackage);
      for (String id : ImplementationGuideIT.PAGES) {
        Library library = client.read().resource(Library.class).withId(id).execute();
        DocumentReference document =
            client.read().resource(DocumentReference.class).withId(id).execute();
        assertThat(document.getContext().getRelatedFirstRep().getReference())
            .isEqualTo("Library/" + id);
        assertNoErrors(validator, library, PackTerminology.PROFILE_LIBRARY);
        assertNoErrors(validator, document, PackTerminology.PROFILE_DOCUMENT_REFERENCE);
      }
    }
  }

  private static void assertNoErrors(FhirValidator validator, Resource resource, String profile) {
    ValidationResult result =
        validator.validateWithResult(resource, new ValidationOptions().addProfile(profile));
    assertThat(Validation.errors(result))
        .as(resource.getIdElement().toUnqualifiedVersionless().getValue())
        .isEmpty();
  }
}
