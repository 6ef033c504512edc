package org.patientedu.infobutton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.patientedu.fhirserver.readcache.CurrentVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encoded answers of one catalog edition, so a repeated question costs a map lookup instead of
 * the family walk, the ranking, the summaries and the encoding. Keyed by the whole parsed request
 * (every parameter that shows in the answer, the format included; the JSONP callback excepted, the
 * controller wraps it per request) and held only for the edition's version: the first request after
 * any Library write, on any node sharing the database, starts an empty cache. Bounded in bytes,
 * since parameters such as the display name are free text.
 */
final class AnswerCache {

  /** The answers of one version of the catalog. */
  private record Generation(
      CurrentVersions.Fingerprint version, Cache<InfobuttonRequest, byte[]> bodies) {}

  private static final Logger log = LoggerFactory.getLogger(AnswerCache.class);

  private final long maxBytes;
  private final AtomicReference<Generation> current = new AtomicReference<>();

  AnswerCache(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * The answer to the request for this version of the catalog: the bytes rendered before, or
   * rendered now and kept.
   *
   * @param request without a callback: the key
   */
  byte[] body(
      CurrentVersions.Fingerprint version, InfobuttonRequest request, Supplier<byte[]> render) {
    Generation generation = current.get();
    if (generation == null || !generation.version().equals(version)) {
      Generation fresh = new Generation(version, newCache());
      generation = current.compareAndSet(generation, fresh) ? fresh : current.get();
      if (!generation.version().equals(version)) {
        // Another request saw another version meanwhile (a write is landing): answer uncached.
        return rendered(version, request, render);
      }
    }
    return generation.bodies().get(request, key -> rendered(version, key, render));
  }

  private static byte[] rendered(
      CurrentVersions.Fingerprint version, InfobuttonRequest request, Supplier<byte[]> render) {
    if (log.isDebugEnabled()) {
      log.debug("Infobutton answer rendered for catalog {}: {}", version, request);
    }
    return render.get();
  }

  private Cache<InfobuttonRequest, byte[]> newCache() {
    return Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .<InfobuttonRequest, byte[]>weigher((request, body) -> body.length + weight(request))
        .build();
  }

  /** About what the key holds: its strings (two bytes a character at most) and its objects. */
  private static int weight(InfobuttonRequest request) {
    int weight = 128;
    for (InfobuttonRequest.Criterion criterion : request.criteria()) {
      weight += 64 + 2 * (length(criterion.code()) + length(criterion.displayName()));
    }
    return weight + 2 * (length(request.language()) + length(request.recipient()));
  }

  private static int length(String value) {
    return value == null ? 0 : value.length();
  }
}
