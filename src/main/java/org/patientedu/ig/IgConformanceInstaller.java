package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
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
 * <p>Each resource is written by its id when the store's current version differs from the package's
 * (new, changed in the guide, or changed or deleted through the API since): a restart on an
 * unchanged guide writes nothing. A changed definition replaces the old one, and nodes starting
 * together retry. HAPI's package installer is not used for this: it records the package itself and
 * would skip a package version already installed, so a definition changed during development (same
 * version) would not reach the store.
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
    long started = System.nanoTime();
    List<String> written = new ArrayList<>();
    int unchanged = 0;
    for (IBaseResource resource : conformanceResources(igPackage.npm(), fhirContext)) {
      String typeAndId = resource.getIdElement().toUnqualifiedVersionless().getValue();
      if (storedAsIs(resource)) {
        unchanged++;
        continue;
      }
      StartupRace.retryOnConflict(
          "installing " + typeAndId,
          () -> daoRegistry.getResourceDao(resource).update(resource, new SystemRequestDetails()));
      written.add(typeAndId);
    }
    // also when nothing was written: content stored next must be indexed by the guide's search
    // parameters, and HAPI's registry may not have read them from the store yet
    searchParamRegistry.forceRefresh();
    log.info(
        "Guide {} {}: {} definitions unchanged, {} written{} ({} ms)",
        igPackage.name(),
        igPackage.version(),
        unchanged,
        written.size(),
        written.isEmpty() ? "" : ": " + String.join(", ", written),
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /**
   * Whether the store's current version of this definition is the package's, element for element
   * (its meta aside: version, time and source are the store's). HAPI's own update also leaves an
   * unchanged resource alone, but only after extracting its search index: updating all 21 took 2.7
   * s of every restart here, reading and comparing them (with the registry's refresh) 0.5-0.6 s.
   */
  private boolean storedAsIs(IBaseResource definition) {
    IFhirResourceDao<IBaseResource> dao = daoRegistry.getResourceDao(definition.fhirType());
    IBaseResource stored;
    try {
      stored =
          dao.read(
              definition.getIdElement().toUnqualifiedVersionless(), new SystemRequestDetails());
    } catch (ResourceNotFoundException | ResourceGoneException e) {
      return false;
    }
    return withoutMeta(stored).equalsDeep(withoutMeta(definition));
  }

  private static Resource withoutMeta(IBaseResource resource) {
    Resource copy = ((Resource) resource).copy();
    copy.setMeta(null);
    copy.setId(copy.getIdElement().getIdPart());
    return copy;
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
