package org.patientedu.contentpack.loading;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.validation.FhirValidator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.patientedu.contentpack.loading.ContentPackReader.PackFile;
import org.patientedu.contentpack.loading.ContentPackReader.PackFileRef;
import org.patientedu.fhirserver.StartupRace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the content pack at start-up, before the server reports itself ready.
 *
 * <p>All new or changed files go in one FHIR transaction of PUTs with their stable ids: either all
 * land or none. Each stored version remembers the file it came from ({@code meta.source} holds the
 * file's SHA-1), so a file already loaded is skipped, and changes made since through the review
 * operations are kept; a changed file becomes a new version. Two nodes starting together on one
 * database cannot duplicate anything, because the ids are fixed: the node that loses the race
 * retries and finds the work done.
 *
 * <p>What is already loaded is asked of the database once for the whole pack (every stored
 * version's source), not file by file, and only new or changed files are parsed and validated: a
 * restart on an unchanged pack of 10,000 pages reads and hashes the files and stores nothing.
 */
@Component
@Order(0)
class ContentPackLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ContentPackLoader.class);

  private final ContentPackProperties properties;
  private final ContentPackReader reader;
  private final IFhirSystemDao<Bundle, Meta> systemDao;
  private final TransactionTemplate readOnly;

  @PersistenceContext private EntityManager entityManager;

  ContentPackLoader(
      ContentPackProperties properties,
      FhirContext fhirContext,
      FhirValidator contentValidator,
      IFhirSystemDao<Bundle, Meta> systemDao,
      PlatformTransactionManager transactionManager) {
    this.properties = properties;
    this.reader = new ContentPackReader(fhirContext, contentValidator);
    this.systemDao = systemDao;
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled()) {
      log.info("Content pack loading is off (edu.content-pack.enabled=false)");
      return;
    }
    long started = System.nanoTime();
    List<PackFileRef> files;
    String from;
    if (properties.dir() == null) {
      files = reader.listBundled();
      from = "the application (bundled)";
    } else {
      files = reader.list(properties.dir());
      from = properties.dir().toAbsolutePath().toString();
    }
    log.info(
        "Content pack: {} files listed and hashed in {} ms", files.size(), millisSince(started));
    LoadSummary summary =
        StartupRace.retryOnConflict("loading the content pack", () -> load(files));
    log.info("Content pack loaded from {} in {} ms: {}", from, millisSince(started), summary);
  }

  private LoadSummary load(List<PackFileRef> files) {
    long started = System.nanoTime();
    Map<String, String> storedIdsBySha1 = storedPackFiles();
    List<PackFileRef> toRead = new ArrayList<>();
    Map<String, String> idsByPath = new TreeMap<>();
    for (PackFileRef file : files) {
      String storedId = storedIdsBySha1.get(file.sha1());
      if (storedId == null) {
        toRead.add(file);
      } else {
        idsByPath.put(file.location(), storedId);
      }
    }
    log.info(
        "Content pack: {} files already stored, {} to read ({} ms)",
        idsByPath.size(),
        toRead.size(),
        millisSince(started));
    long reading = System.nanoTime();
    List<PackFile> read = reader.read(toRead);
    read.forEach(file -> idsByPath.put(file.file().location(), file.typeAndId()));
    ContentPackReader.rejectDuplicateIds(idsByPath);
    if (!read.isEmpty()) {
      log.info(
          "Content pack: {} files parsed and validated in {} ms",
          read.size(),
          millisSince(reading));
    }

    LoadSummary summary = new LoadSummary();
    Set<String> readPaths = new HashSet<>();
    read.forEach(file -> readPaths.add(file.file().location()));
    idsByPath.forEach(
        (path, typeAndId) -> {
          if (!readPaths.contains(path)) {
            summary.count(ContentPackReader.type(typeAndId), LoadedState.ALREADY_LOADED);
          }
        });
    Set<String> existing = existingIds(read);
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    for (PackFile file : read) {
      summary.count(
          ContentPackReader.type(file.typeAndId()),
          existing.contains(file.typeAndId()) ? LoadedState.CHANGED : LoadedState.NEW);
      Resource resource = (Resource) file.resource();
      resource.getMeta().setSource(file.file().sourceUri());
      transaction
          .addEntry()
          .setResource(resource)
          .getRequest()
          .setMethod(HTTPVerb.PUT)
          .setUrl(file.typeAndId());
    }
    if (transaction.hasEntry()) {
      long storing = System.nanoTime();
      systemDao.transaction(new SystemRequestDetails(), transaction);
      log.info(
          "Content pack: {} resources stored in one transaction in {} ms",
          transaction.getEntry().size(),
          millisSince(storing));
    }
    return summary;
  }

  /**
   * Every pack file ever stored, as any version of its resource: file hash to type and id. Read
   * from HAPI's version table in one query (a history search would be cached by HAPI and handed
   * back stale to the next history request).
   */
  private Map<String, String> storedPackFiles() {
    return readOnly.execute(
        status -> {
          Map<String, String> stored = new HashMap<>();
          entityManager
              .createQuery(
                  "select h.mySourceUri, h.myResourceType, r.myFhirId"
                      + " from ResourceHistoryTable h join h.myResourceTable r"
                      + " where h.mySourceUri like :pack",
                  Object[].class)
              .setParameter("pack", ContentPackReader.sourceUriPattern())
              .getResultStream()
              .forEach(
                  row -> {
                    String sha1 = ContentPackReader.sha1OfSource((String) row[0]);
                    if (sha1 != null) {
                      stored.put(sha1, row[1] + "/" + row[2]);
                    }
                  });
          return stored;
        });
  }

  /** Which of these resources exist already (deleted ones included: a PUT brings them back). */
  private Set<String> existingIds(List<PackFile> files) {
    if (files.isEmpty()) {
      return Set.of();
    }
    Set<String> types = new HashSet<>();
    files.forEach(file -> types.add(ContentPackReader.type(file.typeAndId())));
    return readOnly.execute(
        status -> {
          Set<String> existing = new HashSet<>();
          entityManager
              .createQuery(
                  "select r.myResourceType, r.myFhirId from ResourceTable r"
                      + " where r.myResourceType in :types",
                  Object[].class)
              .setParameter("types", types)
              .getResultStream()
              .forEach(row -> existing.add(row[0] + "/" + row[1]));
          return existing;
        });
  }

  private static long millisSince(long nanos) {
    return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
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
