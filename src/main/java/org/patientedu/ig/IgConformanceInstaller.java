package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.patientedu.fhirserver.StartupRace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Installs the guide's terminology and search parameters into the store, from the package the
 * server serves and validates with ({@link IgPackage}), before any content loads, so content is
 * indexed by them from the first write and the server's definitions are the guide's, word for word.
 *
 * <p>Each resource is written by its id, on every start: updating an unchanged resource makes no
 * new version, a changed definition replaces the old one, and nodes starting together retry. HAPI's
 * package installer is not used for this: it records the package itself and would skip a package
 * version already installed, so a definition changed during development (same version) would not
 * reach the store.
 */
@Component
@Order(-10)
class IgConformanceInstaller implements ApplicationRunner {

  /** Code systems before the value sets that include them; search parameters last. */
  static final List<String> TYPES = List.of("CodeSystem", "ValueSet", "SearchParameter");

  private static final Logger log = LoggerFactory.getLogger(IgConformanceInstaller.class);

  private final IgPackage igPackage;
  private final FhirContext fhirContext;
  private final DaoRegistry daoRegistry;
  private final ISearchParamRegistry searchParamRegistry;

  IgConformanceInstaller(
      IgPackage igPackage,
      FhirContext fhirContext,
      DaoRegistry daoRegistry,
      ISearchParamRegistry searchParamRegistry) {
    this.igPackage = igPackage;
    this.fhirContext = fhirContext;
    this.daoRegistry = daoRegistry;
    this.searchParamRegistry = searchParamRegistry;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    List<String> installed = new ArrayList<>();
    for (IBaseResource resource : conformanceResources(igPackage.npm(), fhirContext)) {
      String typeAndId = resource.getIdElement().toUnqualifiedVersionless().getValue();
      StartupRace.retryOnConflict(
          "installing " + typeAndId,
          () -> daoRegistry.getResourceDao(resource).update(resource, new SystemRequestDetails()));
      installed.add(typeAndId);
    }
    searchParamRegistry.forceRefresh();
    log.info(
        "Installed from {} {}: {}",
        igPackage.name(),
        igPackage.version(),
        String.join(", ", installed));
  }

  /** The package's code systems, value sets and search parameters, in install order. */
  static List<IBaseResource> conformanceResources(NpmPackage npm, FhirContext fhirContext)
      throws IOException {
    List<IBaseResource> resources = new ArrayList<>();
    for (String type : TYPES) {
      for (String file : npm.listResources(type)) {
        try (InputStream in = npm.loadResource(file)) {
          resources.add(fhirContext.newJsonParser().parseResource(in));
        }
      }
    }
    return resources;
  }
}
