package org.patientedu.contentpack.loading;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.validation.FhirValidator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.patientedu.contentpack.loading.ContentPackReader.PackFile;
import org.patientedu.fhirserver.StartupRace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the content pack at start-up, before the server reports itself ready.
 *
 * <p>All new or changed files go in one FHIR transaction of PUTs with their stable ids: either all
 * land or none. Each stored version remembers the file it came from ({@code meta.source} holds the
 * file's SHA-1), so a file already loaded is skipped, and changes made since through the review
 * operations are kept; a changed file becomes a new version. Two nodes starting together on one
 * database cannot duplicate anything, because the ids are fixed: the node that loses the race
 * retries and finds the work done.
 */
@Component
@Order(0)
class ContentPackLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ContentPackLoader.class);

  private final ContentPackProperties properties;
  private final ContentPackReader reader;
  private final IFhirSystemDao<Bundle, Meta> systemDao;
  private final DaoRegistry daoRegistry;

  ContentPackLoader(
      ContentPackProperties properties,
      FhirContext fhirContext,
      FhirValidator contentValidator,
      IFhirSystemDao<Bundle, Meta> systemDao,
      DaoRegistry daoRegistry) {
    this.properties = properties;
    this.reader = new ContentPackReader(fhirContext, contentValidator);
    this.systemDao = systemDao;
    this.daoRegistry = daoRegistry;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled()) {
      log.info("Content pack loading is off (edu.content-pack.enabled=false)");
      return;
    }
    List<PackFile> files;
    String from;
    if (properties.dir() == null) {
      files = reader.readBundled();
      from = "the application (bundled)";
    } else {
      files = reader.read(properties.dir());
      from = properties.dir().toAbsolutePath().toString();
    }
    LoadSummary summary =
        StartupRace.retryOnConflict("loading the content pack", () -> load(files));
    log.info("Content pack loaded from {}: {}", from, summary);
  }

  private LoadSummary load(List<PackFile> files) {
    LoadSummary summary = new LoadSummary();
    List<PackFile> toStore = new ArrayList<>();
    for (PackFile file : files) {
      String type = file.resource().getIdElement().getResourceType();
      LoadedState state = loadedState(file);
      summary.count(type, state);
      if (state != LoadedState.ALREADY_LOADED) {
        toStore.add(file); // else this exact file is stored already; later edits (reviews) stay
      }
    }
    toStore.forEach(reader::validate); // all of them before anything is stored
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    for (PackFile file : toStore) {
      Resource resource = (Resource) file.resource();
      resource.getMeta().setSource(file.sourceUri());
      transaction
          .addEntry()
          .setResource(resource)
          .getRequest()
          .setMethod(HTTPVerb.PUT)
          .setUrl(file.typeAndId());
    }
    if (transaction.hasEntry()) {
      systemDao.transaction(new SystemRequestDetails(), transaction);
    }
    return summary;
  }

  /**
   * Whether this file (by content hash) was ever stored, as any version of its resource. Reads
   * versions one by one (newest first; there are few) rather than a history search, which HAPI
   * would cache and hand back stale to the next history request.
   */
  private LoadedState loadedState(PackFile file) {
    IdType id = new IdType(file.typeAndId());
    IFhirResourceDao<?> dao = daoRegistry.getResourceDao(id.getResourceType());
    Resource current;
    try {
      current = (Resource) dao.read(id, new SystemRequestDetails());
    } catch (ResourceNotFoundException | ResourceGoneException notThereYet) {
      return LoadedState.NEW;
    }
    for (long version = current.getIdElement().getVersionIdPartAsLong(); version >= 1; version--) {
      Resource stored =
          version == current.getIdElement().getVersionIdPartAsLong()
              ? current
              : (Resource)
                  dao.read(id.withVersion(Long.toString(version)), new SystemRequestDetails());
      String source = stored.getMeta().getSource();
      if (source != null && source.startsWith(file.sourceUri())) {
        return LoadedState.ALREADY_LOADED;
      }
    }
    return LoadedState.CHANGED;
  }

  enum LoadedState {
    NEW,
    CHANGED,
    ALREADY_LOADED
  }

  /** Counts per resource type, and how many were created, updated or already there. */
  static final class LoadSummary {
    private final Map<String, Integer> perType = new TreeMap<>();
    private final Map<LoadedState, Integer> perState = new EnumMap<>(LoadedState.class);

    void count(String type, LoadedState state) {
      perType.merge(type, 1, Integer::sum);
      perState.merge(state, 1, Integer::sum);
    }

    @Override
    public String toString() {
      return perType
          + " (created "
          + perState.getOrDefault(LoadedState.NEW, 0)
          + ", updated "
          + perState.getOrDefault(LoadedState.CHANGED, 0)
          + ", unchanged "
          + perState.getOrDefault(LoadedState.ALREADY_LOADED, 0)
          + ")";
    }
  }
}
