package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallOutcomeJson;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The integrator's path: an empty server (no content pack, its own data folder) installs the
 * package with HAPI's package installer, as loading.md tells integrators to, and then serves the
 * five seed pages, which meet the profiles. A second server instance on purpose: it must start
 * empty.
 */
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = "edu.content-pack.enabled=false")
class PackageInstallIT {

  private static final Path DATA_DIR = newTempDir();

  @DynamicPropertySource
  static void ownDataDir(DynamicPropertyRegistry registry) {
    registry.add("edu.data-dir", DATA_DIR::toString);
  }

  @LocalServerPort int port;

  @Autowired IPackageInstallerSvc packageInstaller;

  @Autowired JpaStorageSettings storageSettings;

  @Autowired IgPackage igPackage;

  @Autowired FhirValidator profileValidator;

  @Test
  void anEmptyServerInstallsThePackageAndServesTheFivePagesAsProfiled() {
    FhirContext fhir = FhirContext.forR4Cached();
    fhir.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    IGenericClient client = fhir.newRestfulGenericClient("http://localhost:" + port + "/fhir");
    assertThat(
            client
                .search()
                .forResource(Library.class)
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .as("the server starts empty")
        .isEmpty();

    // Pages that state no review are draft Libraries; HAPI installs only active resources by
    // default.
    storageSettings.setValidateResourceStatusForPackageUpload(false);
    PackageInstallationSpec spec =
        new PackageInstallationSpec()
            .setName(igPackage.name())
            .setVersion(igPackage.version())
            .setPackageContents(igPackage.bytes())
            .setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
            // keep the package's ids (MULTI_VERSION, the default, lets the server assign new ones,
            // and
            // then DocumentReference.context.related no longer finds Library/<id>)
            .setVersionPolicy(PackageInstallationSpec.VersionPolicyEnum.SINGLE_VERSION);
    spec.setInstallResourceTypes(
        List.of(
            "StructureDefinition",
            "CodeSystem",
            "ValueSet",
            "SearchParameter",
            "OperationDefinition",
            "CapabilityStatement",
            "Library",
            "DocumentReference"));
    PackageInstallOutcomeJson outcome = packageInstaller.install(spec);
    assertThat(outcome.getResourcesInstalled())
        .containsKeys("StructureDefinition", "Library", "DocumentReference");

    assertThat(
            client
                .search()
                .forResource(StructureDefinition.class)
                .where(StructureDefinition.URL.matches().value(PackTerminology.PROFILE_LIBRARY))
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .hasSize(1);
    for (String id : ImplementationGuideIT.PAGES) {
      Library library = client.read().resource(Library.class).withId(id).execute();
      DocumentReference document =
          client.read().resource(DocumentReference.class).withId(id).execute();
      assertNoErrors(library, PackTerminology.PROFILE_LIBRARY);
      assertNoErrors(document, PackTerminology.PROFILE_DOCUMENT_REFERENCE);
    }
  }

  private void assertNoErrors(org.hl7.fhir.r4.model.Resource resource, String profile) {
    ValidationResult result =
        profileValidator.validateWithResult(
            resource, new ca.uhn.fhir.validation.ValidationOptions().addProfile(profile));
    assertThat(Validation.errors(result))
        .as(resource.getIdElement().toUnqualifiedVersionless().getValue())
        .isEmpty();
  }

  private static Path newTempDir() {
    try {
      return Files.createTempDirectory("edu-it-ig-install-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
