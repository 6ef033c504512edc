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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A view of every stored resource of one type (what a feature needs of each, e.g. a catalog
 * summary), held in memory per edition of the type: before each use one cheap query ({@link
 * CurrentVersions#fingerprint}) asks whether any resource of the type was written since, on this
 * node or another sharing the database. If so, HAPI lists the type's ids with their versions (ids
 * only, nothing parsed) and only the resources whose version changed are read and viewed again;
 * deleted ones drop out. A request therefore costs one aggregate query while nothing changes, and a
 * write costs the read of what it wrote, never a read of every resource.
 *
 * @param <T> the resource type
 * @param <V> the view of one resource; must not change once made
 */
public final class ResourceViews<T extends IBaseResource, V> {

  /**
   * The views as of one fingerprint, in the order HAPI listed the resources (unsorted search order,
   * as a plain search of the type would give them), by resource id.
   */
  public record Edition<V>(CurrentVersions.Fingerprint fingerprint, Map<String, V> byId) {}

  private record Versioned<V>(long version, V view) {}

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

  /** Ids per {@code _id} search when reading changed resources: a bounded IN list. */
  private static final int READ_CHUNK = 500;

  private final DaoRegistry daoRegistry;
  private final CurrentVersions currentVersions;
  private final Class<T> type;
  private final Function<T, V> view;

  /** Guarded by this; the edition's map is built from it. */
  private Map<String, Versioned<V>> known = Map.of();

  private volatile Edition<V> edition;

  public ResourceViews(
      DaoRegistry daoRegistry,
      CurrentVersions currentVersions,
      Class<T> type,
      Function<T, V> view) {
    this.daoRegistry = daoRegistry;
    this.currentVersions = currentVersions;
    this.type = type;
    this.view = view;
  }

  /**
   * Makes the views in the background (once the server is ready), so the first request does not
   * wait for every resource to be read; a failure is logged and the first request tries again.
   */
  public void warmUpInBackground() {
    WARM_UP.execute(
        () -> {
          try {
            current();
          } catch (RuntimeException e) {
            log.warn("{} views not made in advance: {}", type.getSimpleName(), e.toString());
          }
        });
  }

  /** The views as the store holds the resources now (never older than this call). */
  public Edition<V> current() {
    CurrentVersions.Fingerprint now = currentVersions.fingerprint(type.getSimpleName());
    Edition<V> held = edition;
    if (held != null && held.fingerprint().equals(now)) {
      return held;
    }
    return rebuild(now);
  }

  private synchronized Edition<V> rebuild(CurrentVersions.Fingerprint now) {
    Edition<V> held = edition;
    if (held != null && held.fingerprint().equals(now)) {
      return held; // another request rebuilt it meanwhile
    }
    long started = System.nanoTime();
    // The fingerprint was read before the listing: a write landing in between is in the views (or
    // not) and changes the next fingerprint, so at worst the next use rebuilds once more.
    IFhirResourceDao<T> dao = daoRegistry.getResourceDao(type);
    List<IIdType> listed =
        dao.searchForResourceIds(SearchParameterMap.newSynchronous(), new SystemRequestDetails());
    Map<String, Versioned<V>> next = new LinkedHashMap<>();
    List<String> changed = new ArrayList<>();
    for (IIdType id : listed) {
      String idPart = id.getIdPart();
      Versioned<V> old = known.get(idPart);
      if (old != null && id.hasVersionIdPart() && old.version() == id.getVersionIdPartAsLong()) {
        next.put(idPart, old);
      } else {
        next.put(idPart, null); // keeps the listing's order; filled below
        changed.add(idPart);
      }
    }
    Map<String, Versioned<V>> read = read(dao, changed);
    next.replaceAll((id, old) -> old != null ? old : read.get(id));
    next.values().removeIf(v -> v == null); // deleted between the listing and the read
    known = next;
    Map<String, V> views = new LinkedHashMap<>();
    next.forEach((id, versioned) -> views.put(id, versioned.view()));
    Edition<V> rebuilt = new Edition<>(now, Collections.unmodifiableMap(views));
    edition = rebuilt;
    log.debug(
        "{} views: {} resources, {} read again, in {} ms",
        type.getSimpleName(),
        views.size(),
        changed.size(),
        (System.nanoTime() - started) / 1_000_000);
    return rebuilt;
  }

  private Map<String, Versioned<V>> read(IFhirResourceDao<T> dao, List<String> ids) {
    Map<String, Versioned<V>> read = new HashMap<>();
    for (int from = 0; from < ids.size(); from += READ_CHUNK) {
      TokenOrListParam chunk = new TokenOrListParam();
      ids.subList(from, Math.min(from + READ_CHUNK, ids.size()))
          .forEach(id -> chunk.add(new TokenParam(id)));
      SearchParameterMap byId = SearchParameterMap.newSynchronous();
      byId.add("_id", chunk);
      for (T resource : dao.searchForResources(byId, new SystemRequestDetails())) {
        IIdType id = resource.getIdElement();
        long version =
            id.hasVersionIdPart()
                ? id.getVersionIdPartAsLong()
                : Long.parseLong(resource.getMeta().getVersionId());
        read.put(id.getIdPart(), new Versioned<>(version, view.apply(resource)));
      }
    }
    return read;
  }
}
