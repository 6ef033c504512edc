package org.patientedu.contentpack.loading;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.validation.FhirValidator;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Loads the content pack at start-up, before the server reports itself ready.
 *
 * <p>All resources go in one FHIR transaction of PUTs with their stable ids: either all land or
 * none. An unchanged file leaves its resource untouched (HAPI makes no new version for identical
 * content); a changed file becomes a new version. Two nodes starting together on one database
 * cannot duplicate anything, because the ids are fixed: the node that loses the race retries and
 * finds the work done.
 */
@Component
@Order(0)
class ContentPackLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ContentPackLoader.class);
  private static final int ATTEMPTS = 5;

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
    List<PackFile> files = reader.read(properties.dir());
    LoadSummary summary = loadWithRetry(files);
    log.info("Content pack loaded from {}: {}", properties.dir().toAbsolutePath(), summary);
  }

  private LoadSummary loadWithRetry(List<PackFile> files) {
    for (int attempt = 1; ; attempt++) {
      try {
        return load(files);
      } catch (ResourceVersionConflictException | DataIntegrityViolationException e) {
        if (attempt == ATTEMPTS) {
          throw new ContentPackException("Content pack could not be loaded after " + ATTEMPTS
              + " attempts; another node kept changing the same resources: " + e.getMessage(), e);
        }
        log.info("Another node is loading the content pack at the same time; retrying ({}/{})", attempt, ATTEMPTS);
        sleepQuietly(200L * attempt);
      }
    }
  }

  private LoadSummary load(List<PackFile> files) {
    Map<String, String> versionsBefore = currentVersions(files);
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    for (PackFile file : files) {
      transaction.addEntry()
          .setResource((Resource) file.resource())
          .getRequest().setMethod(HTTPVerb.PUT).setUrl(file.typeAndId());
    }
    systemDao.transaction(new SystemRequestDetails(), transaction);
    Map<String, String> versionsAfter = currentVersions(files);

    LoadSummary summary = new LoadSummary();
    for (PackFile file : files) {
      String key = file.typeAndId();
      summary.count(file.resource().getIdElement().getResourceType(), versionsBefore.get(key), versionsAfter.get(key));
    }
    return summary;
  }

  private Map<String, String> currentVersions(List<PackFile> files) {
    Map<String, String> versions = new TreeMap<>();
    for (PackFile file : files) {
      IdType id = new IdType(file.typeAndId());
      try {
        versions.put(file.typeAndId(), daoRegistry.getResourceDao(id.getResourceType())
            .read(id, new SystemRequestDetails()).getIdElement().getVersionIdPart());
      } catch (ResourceNotFoundException | ResourceGoneException notThereYet) {
        // created by this load
      }
    }
    return versions;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Counts per resource type, and how many were created, updated or left as they were. */
  static final class LoadSummary {
    private final Map<String, Integer> perType = new TreeMap<>();
    private int created;
    private int updated;
    private int unchanged;

    void count(String type, String versionBefore, String versionAfter) {
      perType.merge(type, 1, Integer::sum);
      if (versionBefore == null) {
        created++;
      } else if (versionBefore.equals(versionAfter)) {
        unchanged++;
      } else {
        updated++;
      }
    }

    @Override
    public String toString() {
      return perType + " (created " + created + ", updated " + updated + ", unchanged " + unchanged + ")";
    }
  }
}
