package org.patientedu.contentpack.loading;

import static org.patientedu.contentpack.loading.ContentPackLoader.LoadedState.ALREADY_LOADED;
import static org.patientedu.contentpack.loading.ContentPackLoader.LoadedState.CHANGED;
import static org.patientedu.contentpack.loading.ContentPackLoader.LoadedState.NEW;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.validation.FhirValidator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;
import org.patientedu.contentpack.loading.ContentPackReader.PackFile;
import org.patientedu.contentpack.loading.ContentPackReader.PackFileRef;
import org.patientedu.fhirserver.FhirServerProperties;
import org.patientedu.fhirserver.ProgressLine;
import org.patientedu.fhirserver.StartupRace;
import org.patientedu.validation.AlreadyValidated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the content pack at start-up, before the server reports itself ready.
 *
 * <p>New or changed files are loaded in two passes over slices of whole pages ({@code
 * edu.content-pack.slice-size} page folders a slice), so that memory grows with the slice and not
 * with the pack. First every file is parsed and validated against FHIR R4 and this guide's profiles
 * (with {@code profileValidator}), and the ids of the whole pack are checked for duplicates; a bad
 * file stops the load before anything is stored, naming the file. Then each slice is read again
 * (its bytes must still have the hash they were validated with) and stored as one FHIR transaction
 * of PUTs with the files' stable ids; the write validation does not validate these resources a
 * second time ({@link AlreadyValidated}). A page's files stay in one slice, as they refer to each
 * other; a reference to another page must be to one in the same or an earlier slice (in folder
 * order) or already stored.
 *
 * <p>Each stored version remembers the file it came from ({@code meta.source} holds the file's
 * SHA-1), so a file already loaded is skipped, and changes made since through the review operations
 * are kept; a changed file becomes a new version. The load as a whole is therefore not one
 * transaction, but it resumes: if the node stops (or a store fails) half-way, the slices stored
 * stay stored, and the next start skips them and stores the rest. Two nodes starting together on
 * one database cannot duplicate anything, because the ids are fixed: the node that loses the race
 * on a slice retries the load and finds that work done.
 *
 * <p>What is already loaded is asked of the database once for the whole pack (every stored
 * version's source), not file by file, and only new or changed files are parsed and validated: a
 * restart on an unchanged pack of 10,000 pages reads no file ({@link PackFileHashes}) and stores
 * nothing.
 */
@Component
@Order(0)
class ContentPackLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ContentPackLoader.class);

  /** What the loader's progress lines are about, as its other lines begin. */
  private static final String PROGRESS = "Content pack";

  /** More new files than this (100 pages) is a large load for {@link #heapAdvice}. */
  static final int LARGE_LOAD_FILES = 400;

  /**
   * The least maximum heap for a large load, as the JVM reports it: {@code -Xmx1g} reports about
   * 989 MB under the serial collector (one survivor space is not counted).
   */
  static final long LARGE_LOAD_HEAP_BYTES = 900L * 1024 * 1024;

  private final ContentPackProperties properties;

  /** Where {@link PackFileHashes} keeps the hashes of a pack folder's files between starts. */
  private final Path dataDir;

  private final ContentPackReader reader;
  private final IFhirSystemDao<Bundle, Meta> systemDao;
  private final TransactionTemplate readOnly;

  @PersistenceContext private EntityManager entityManager;

  ContentPackLoader(
      ContentPackProperties properties,
      FhirServerProperties server,
      FhirContext fhirContext,
      ObjectProvider<FhirValidator> profileValidator,
      IFhirSystemDao<Bundle, Meta> systemDao,
      PlatformTransactionManager transactionManager) {
    this.properties = properties;
    this.dataDir = server.dataDir();
    this.reader = new ContentPackReader(fhirContext, profileValidator::getObject);
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
      log.info(
          "Content pack: {} files listed and hashed in {} ms", files.size(), millisSince(started));
    } else {
      PackFileHashes known = PackFileHashes.in(dataDir);
      files = reader.list(properties.dir(), known);
      known.save();
      from = properties.dir().toAbsolutePath().toString();
      log.info(
          "Content pack: {} files listed in {} ms ({} read and hashed, {} unchanged since the last"
              + " start by size, inode and change time)",
          files.size(),
          millisSince(started),
          known.hashed(),
          files.size() - known.hashed());
    }
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
    LoadSummary summary = new LoadSummary();
    idsByPath.values().forEach(id -> summary.count(ContentPackReader.type(id), ALREADY_LOADED));
    if (toRead.isEmpty()) {
      return summary;
    }
    heapAdvice(toRead.size(), Runtime.getRuntime().maxMemory()).ifPresent(log::warn);

    // 1. every new or changed file validated, a slice at a time, before anything is stored:
    // only ids are kept, so memory does not grow with the pack
    List<List<PackFileRef>> slices = slices(toRead, properties.sliceSize());
    long reading = System.nanoTime();
    Map<String, String> newIdsByPath = new TreeMap<>();
    ProgressLine validation = new ProgressLine(PROGRESS, "files", "validated", toRead.size());
    for (List<PackFileRef> slice : slices) {
      reader.read(slice).forEach(f -> newIdsByPath.put(f.file().location(), f.typeAndId()));
      validation.log(log, newIdsByPath.size());
    }
    idsByPath.putAll(newIdsByPath);
    ContentPackReader.rejectDuplicateIds(idsByPath);
    log.info(
        "Content pack: {} files parsed and validated in {} ms",
        toRead.size(),
        millisSince(reading));

    // 2. stored a slice at a time, each slice one transaction
    Set<String> existing = existingIds(newIdsByPath.values());
    newIdsByPath
        .values()
        .forEach(
            id -> summary.count(ContentPackReader.type(id), existing.contains(id) ? CHANGED : NEW));
    long storing = System.nanoTime();
    ProgressLine stored = new ProgressLine(PROGRESS, "files", "stored", toRead.size());
    int storedFiles = 0;
    // HAPI stores a transaction on one thread: the next slice is read and parsed on another core
    // meanwhile (a tenth of the store phase when done in turn)
    CompletableFuture<List<PackFile>> next = parseAsync(slices.get(0));
    for (int i = 0; i < slices.size(); i++) {
      List<PackFile> slice = joined(next);
      next = i + 1 < slices.size() ? parseAsync(slices.get(i + 1)) : null;
      store(slice);
      storedFiles += slice.size();
      stored.log(log, storedFiles);
    }
    log.info(
        "Content pack: {} resources stored in {} transactions of up to {} pages in {} ms",
        toRead.size(),
        slices.size(),
        properties.sliceSize(),
        millisSince(storing));
    return summary;
  }

  /**
   * A first load of many files validates them with HAPI's instance validator, which keeps its R4
   * and R5 definitions (about 200 MB) live besides the server's own 200 MB; under a 512 MB heap a
   * load of 1,000 pages then spent most of its time in full collections, and 10,000 pages under 768
   * MB nearly half (measured 2026-12-01). The loader cannot change the heap, so it says what to
   * change before it starts rather than crawl.
   */
  static Optional<String> heapAdvice(int filesToRead, long maxHeapBytes) {
    if (filesToRead <= LARGE_LOAD_FILES || maxHeapBytes >= LARGE_LOAD_HEAP_BYTES) {
      return Optional.empty();
    }
    return Optional.of(
        "Content pack: "
            + filesToRead
            + " files to validate with a maximum heap of "
            + maxHeapBytes / (1024 * 1024)
            + " MB. A load this size needs -Xmx1g: with less, it spends most of its time"
            + " collecting garbage. Start this first load with -Xmx1g added (java @jvm.options"
            + " -Xmx1g -jar ...); later starts store nothing new and run with jvm.options alone.");
  }

  /**
   * The files in slices of whole pages (a page's files refer to each other, and HAPI refuses a
   * reference to a resource not stored yet), in the files' order.
   */
  static List<List<PackFileRef>> slices(List<PackFileRef> files, int pagesPerSlice) {
    Map<String, List<PackFileRef>> pages = new LinkedHashMap<>();
    files.forEach(
        file ->
            pages.computeIfAbsent(ContentPackReader.page(file), p -> new ArrayList<>()).add(file));
    List<List<PackFileRef>> slices = new ArrayList<>();
    List<PackFileRef> slice = new ArrayList<>();
    int pagesInSlice = 0;
    for (List<PackFileRef> page : pages.values()) {
      if (pagesInSlice == pagesPerSlice) {
        slices.add(slice);
        slice = new ArrayList<>();
        pagesInSlice = 0;
      }
      slice.addAll(page);
      pagesInSlice++;
    }
    if (!slice.isEmpty()) {
      slices.add(slice);
    }
    return slices;
  }

  private CompletableFuture<List<PackFile>> parseAsync(List<PackFileRef> slice) {
    return CompletableFuture.supplyAsync(() -> reader.parse(slice));
  }

  /** The parsed slice, or the parse's own exception (a file changed since it was validated). */
  private static List<PackFile> joined(CompletableFuture<List<PackFile>> parsing) {
    try {
      return parsing.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** One transaction of PUTs with the files' ids; the validation they passed is not repeated. */
  private void store(List<PackFile> slice) {
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    List<Resource> resources = new ArrayList<>();
    for (PackFile file : slice) {
      Resource resource = (Resource) file.resource();
      resource.getMeta().setSource(file.file().sourceUri());
      resources.add(resource);
      transaction
          .addEntry()
          .setResource(resource)
          .getRequest()
          .setMethod(HTTPVerb.PUT)
          .setUrl(file.typeAndId());
    }
    systemDao.transaction(AlreadyValidated.systemRequest(resources), transaction);
  }

  /**
   * Every pack file ever stored, as any version of its resource: file hash to type and id. Read
   * from HAPI's version table in one query (a history search would be cached by HAPI and handed
   * back stale to the next history request). The version table is read only through its index on
   * the source, and the type taken from the resource: reading each version's own type fetched every
   * version row, text and all (H2 at 10,000 pages: 1.1 s against 0.6 s, measured 2026-12-03).
   */
  private Map<String, String> storedPackFiles() {
    return readOnly.execute(
        status -> {
          Map<String, String> stored = new HashMap<>();
          entityManager
              .createQuery(
                  "select h.mySourceUri, r.myResourceType, r.myFhirId"
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
  private Set<String> existingIds(Collection<String> typesAndIds) {
    Set<String> types = new HashSet<>();
    typesAndIds.forEach(id -> types.add(ContentPackReader.type(id)));
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
