package integrator;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallOutcomeJson;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;

/**
 * What an integrator adds to their HAPI FHIR JPA server, word for word from the guide's page
 * "Loading the package" (ig/input/pagecontent/loading.md): HAPI's package installer, run at
 * start-up on the package file named by {@code integrator.package}. PackageInstallIT puts this
 * class (outside org.patientedu, so no test context scans it) into a server process of its own with
 * {@code --spring.main.sources}.
 */
@Order(5) // after the server's own conformance resources
public class InstallThePackageOnStart implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(InstallThePackageOnStart.class);

  private final IPackageInstallerSvc packageInstallerSvc;
  private final JpaStorageSettings storageSettings;

  public InstallThePackageOnStart(
      IPackageInstallerSvc packageInstallerSvc, JpaStorageSettings storageSettings) {
    this.packageInstallerSvc = packageInstallerSvc;
    this.storageSettings = storageSettings;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    Path file = Path.of(args.getOptionValues("integrator.package").get(0));
    storageSettings.setValidateResourceStatusForPackageUpload(false);
    PackageInstallationSpec spec =
        new PackageInstallationSpec()
            .setName("org.patientedu.fhir")
            .setVersion("0.1.0")
            .setPackageContents(Files.readAllBytes(file))
            .setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
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
    PackageInstallOutcomeJson outcome = packageInstallerSvc.install(spec);
    log.info("Integrator installed the package: {}", outcome.getResourcesInstalled());
  }
}
