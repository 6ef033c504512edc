package org.patientedu.fhirserver.readcache;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Views of every stored resource of one type (what each feature needs of a resource, e.g. a catalog
 * summary or review facts), held in memory per edition of the type: before each use one cheap query
 * ({@link CurrentVersions#fingerprint}) asks whether any resource of the type was written since, on
 * this node or another sharing the database. If so, HAPI lists the type's ids with their versions
 * (ids only, nothing parsed) and only the resources whose version changed are read and viewed
 * again; deleted ones drop out. A request therefore costs one aggregate query while nothing
 * changes, and a write costs the read of what it wrote, never a read of every resource.
 *
 * <p>One instance per type ({@link SharedResourceViews}), shared by every feature that views the
 * type: a write is listed and read once, and each feature's view of it made from that one read.
 *
 * @param <T> the resource type
 */
public final class ResourceViews<T extends IBaseResource> {

  /**
   * One feature's views as of one fingerprint, in the order HAPI listed the resources (unsorted
   * search order, as a plain search of the type would give them), by resource id.
   */
  public record Edition<V>(CurrentVersions.Fingerprint fingerprint, Map<String, V> byId) {}

  /** Every feature's view of one version of a resource, in the order the views were asked for. */
  private record Versioned(long version, Object[] views) {}

  /** Every feature's views as of one fingerprint. */
  private record Shared(CurrentVersions.Fingerprint fingerprint, Map<String, Object[]> byId) {}

  private static final Logger log = LoggerFactory.getLogger(ResourceViews.class);

  /**
   * One thread for every warm-up, so views made at start-up are read one type after another on one
   * core, leaving the other to requests.
   */
  private static final ExecutorService WARM_UP =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "resource-views-warm-up");
            thread.setDaemon(true);
            return thread;
          });

  /** Resources per read when reading changed resources: ids per {@code _id} search, or a page. */
  static final int READ_CHUNK = 500;

  private final DaoRegistry daoRegistry;
  private final CurrentVersions currentVersions;
  private final Class<T> type;
  private final int readChunk;

  /** Guarded by this: the features' view functions, each one's index its place in the arrays. */
  private final List<Function<T, ?>> viewFunctions = new ArrayList<>();

  /** Guarded by this; the shared edition's map is built from it. */
  private Map<String, Versioned> known = Map.of();

  private volatile Shared shared;

  private final AtomicLong resourcesRead = new AtomicLong();

  ResourceViews(
      DaoRegistry daoRegistry, CurrentVersions currentVersions, Class<T> type, int readChunk) {
    this.daoRegistry = daoRegistry;
    this.currentVersions = currentVersions;
    this.type = type;
    this.readChunk = readChunk;
  }

  /**
   * A feature's own view of each resource of the type. Asked for while the application starts; one
   * asked for later makes the next use read every resource again, so that each holds every view.
   *
   * @param <V> the view of one resource; must not change once made
   */
  public synchronized <V> View<V> view(Function<T, V> viewFunction) {
    viewFunctions.add(viewFunction);
    known = Map.of();
    shared = null;
    return new View<>(viewFunctions.size() - 1);
  }

  /** One feature's views of the type's resources. */
  public final class View<V> {
    private final int index;
    private volatile Edition<V> edition;

    private View(int index) {
      this.index = index;
    }

    /** The views as the store holds the resources now (never older than this call). */
    @SuppressWarnings("unchecked") // index was given out with this view's own function
    public Edition<V> current() {
      Shared now = ResourceViews.this.current();
      Edition<V> held = edition;
      if (held != null && held.fingerprint().equals(now.fingerprint())) {
        return held;
      }
      Map<String, V> views = new LinkedHashMap<>();
      now.byId().forEach((id, all) -> views.put(id, (V) all[index]));
      Edition<V> made = new Edition<>(now.fingerprint(), Collections.unmodifiableMap(views));
      edition = made;
      return made;
    }

    /** See {@link ResourceViews#warmUpInBackground()}. */
    public void warmUpInBackground() {
      ResourceViews.this.warmUpInBackground();
    }
  }

  /**
   * Makes the views in the background (once the server is ready), so the first request does not
   * wait for every resource to be read; a failure is logged and the first request tries again.
   */
  private void warmUpInBackground() {
    WARM_UP.execute(
        () -> {
          try {
            long started = System.nanoTime();
            long readBefore = resourcesRead.get();
            int made = current().byId().size();
            long read = resourcesRead.get() - readBefore;
            if (read == 0) {
              return; // another feature's warm-up of the same type already made them
            }
            // At start-up this reads every resource of the type: operators see how long a node
            // works in the background after it reported ready.
            log.info(
                "{} views made in advance: {} resources, {} read, in {} ms",
                type.getSimpleName(),
                made,
                read,
                (System.nanoTime() - started) / 1_000_000);
          } catch (RuntimeException e) {
            log.warn("{} views not made in advance: {}", type.getSimpleName(), e.toString());
          }
        });
  }

  /** How many resources were read to make views since the start: each write costs one. */
  public long resourcesRead() {
    return resourcesRead.get();
  }

  private Shared current() {
    CurrentVersions.Fingerprint now = currentVersions.fingerprint(type.getSimpleName());
    Shared held = shared;
    if (held != null && held.fingerprint().equals(now)) {
      return held;
    }
    return rebuild(now);
  }

  private synchronized Shared rebuild(CurrentVersions.Fingerprint now) {
    Shared held = shared;
    if (held != null && held.fingerprint().equals(now)) {
      return held; // another request rebuilt it meanwhile
    }
    long started = System.nanoTime();
    // The fingerprint was read before the listing: a write landing in between is in the views (or
    // not) and changes the next fingerprint, so at worst the next use rebuilds once more.
    IFhirResourceDao<T> dao = daoRegistry.getResourceDao(type);
    List<IIdType> listed =
        dao.searchForResourceIds(SearchParameterMap.newSynchronous(), new SystemRequestDetails());
    Map<String, Versioned> next = new LinkedHashMap<>();
    List<String> changed = new ArrayList<>();
    for (IIdType id : listed) {
      String idPart = id.getIdPart();
      Versioned old = known.get(idPart);
      if (old != null && id.hasVersionIdPart() && old.version() == id.getVersionIdPartAsLong()) {
        next.put(idPart, old);
      } else {
        next.put(idPart, null); // keeps the listing's order; filled below
        changed.add(idPart);
      }
    }
    Map<String, Versioned> read = read(dao, changed);
    next.replaceAll((id, old) -> old != null ? old : read.get(id));
    next.values().removeIf(v -> v == null); // deleted between the listing and the read
    known = next;
    Map<String, Object[]> views = new LinkedHashMap<>();
    next.forEach((id, versioned) -> views.put(id, versioned.views()));
    Shared rebuilt = new Shared(now, Collections.unmodifiableMap(views));
    shared = rebuilt;
    log.debug(
        "{} views: {} resources, {} read again, in {} ms",
        type.getSimpleName(),
        views.size(),
        changed.size(),
        (System.nanoTime() - started) / 1_000_000);
    return rebuilt;
  }

  private Map<String, Versioned> read(IFhirResourceDao<T> dao, List<String> ids) {
    Map<String, Versioned> read = new HashMap<>();
    if (ids.size() > readChunk) {
      readAllPaged(dao, new HashSet<>(ids), read);
    } else {
      readById(dao, ids, read);
    }
    return read;
  }

  /**
   * Many changed (a node's first build): every resource of the type, a page at a time, keeping the
   * wanted ones (listed already, so the walk lists nothing again). Asking for thousands by {@code
   * _id} costs H2 a scan of the type per chunk (HAPI resolves the ids with one OR term per id): 36
   * s of one core for 10,000 Libraries.
   */
  private void readAllPaged(
      IFhirResourceDao<T> dao, Set<String> wanted, Map<String, Versioned> read) {
    EveryResource.inPages(
        dao,
        wanted,
        readChunk,
        page -> {
          for (IBaseResource resource : page) {
            if (wanted.contains(resource.getIdElement().getIdPart())) {
              view(type.cast(resource), read);
            }
          }
        });
  }

  /** A few changed: read by id, a bounded {@code _id} list at a time. */
  private void readById(IFhirResourceDao<T> dao, List<String> ids, Map<String, Versioned> read) {
    for (int from = 0; from < ids.size(); from += readChunk) {
      TokenOrListParam chunk = new TokenOrListParam();
      ids.subList(from, Math.min(from + readChunk, ids.size()))
          .forEach(id -> chunk.add(new TokenParam(id)));
      SearchParameterMap byId = SearchParameterMap.newSynchronous();
      byId.add("_id", chunk);
      for (T resource : dao.searchForResources(byId, new SystemRequestDetails())) {
        view(resource, read);
      }
    }
  }

  private void view(T resource, Map<String, Versioned> read) {
    IIdType id = resource.getIdElement();
    long version =
        id.hasVersionIdPart()
            ? id.getVersionIdPartAsLong()
            : Long.parseLong(resource.getMeta().getVersionId());
    Object[] views = new Object[viewFunctions.size()];
    for (int i = 0; i < views.length; i++) {
      views[i] = viewFunctions.get(i).apply(resource);
    }
    read.put(id.getIdPart(), new Versioned(version, views));
    resourcesRead.incrementAndGet();
  }
}
