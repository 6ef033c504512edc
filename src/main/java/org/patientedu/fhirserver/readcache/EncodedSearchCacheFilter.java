package org.patientedu.fhirserver.readcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.patientedu.fhirserver.readcache.CurrentVersions.Fingerprint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Answers repeated catalog searches ({@code GET /fhir/Library?...}, {@code
 * /fhir/DocumentReference?...}) with the bytes HAPI gave the first time, as long as nothing they
 * could depend on was written since. EHRs ask the same few searches over and over of a catalog that
 * changes a few times a month; HAPI's own answer costs a database search and an encoding each time.
 *
 * <p>Never stale: every request asks the database for a fingerprint (count and version sum, see
 * {@link CurrentVersions}) of the searched type and of the terminology and search parameters a
 * search reads ({@code :below} and {@code :in} use the guide's CodeSystems and ValueSets). Any
 * write on any node changes it, so the next search goes to HAPI. An answer is stored only if the
 * fingerprint was the same after HAPI answered, so a write racing the search never leaves an old
 * answer under the new fingerprint, and only once the fingerprint has held for {@link #SETTLE}: the
 * full-text index takes the change a moment after the database commits it (on OpenSearch, up to a
 * refresh), and a {@code _content} answer computed in between must not be kept.
 *
 * <p>The answer is HAPI's own, its {@code next} links included: they name the result set HAPI kept
 * in the database for that search (every node shares it), which HAPI keeps for an hour after its
 * last use. Entries therefore live at most {@code edu.read-cache.search-max-age} (10 minutes), well
 * inside that, so a replayed link always works.
 *
 * <p>A request with {@code Cache-Control: no-cache} (or {@code no-store}) goes to HAPI, as HAPI's
 * own search reuse does. Only plain searches: no {@code _include}, {@code _revinclude}, {@code
 * _has}, chains (a dot in a parameter name) or {@code _getpages}, whose answers depend on other
 * types. Only answers given to a request without credentials are stored and replayed, and only to a
 * request without credentials: an anonymous caller sees the public catalog only, whoever asks; a
 * token holder may see patient records and always goes to HAPI. Authentication runs before this
 * filter.
 */
public class EncodedSearchCacheFilter extends OncePerRequestFilter {

  private static final Pattern CACHEABLE_SEARCH =
      Pattern.compile("/fhir/(Library|DocumentReference)");

  /** A parameter name, with at most one modifier ({@code context:below}); no chain. */
  private static final Pattern PLAIN_PARAMETER = Pattern.compile("_?[a-z][a-z0-9-]*(:[a-z-]+)?");

  /** Parameters whose answers depend on more than the searched type. */
  private static final List<String> OTHER_TYPES_PARAMETERS =
      List.of("_include", "_revinclude", "_has", "_getpages", "_contained");

  /** What a search of a catalog type reads besides that type. */
  private static final List<String> READ_ALONG =
      List.of("CodeSystem", "ValueSet", "ConceptMap", "SearchParameter");

  /** How long a fingerprint must have held before answers under it are kept (see above). */
  static final Duration SETTLE = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(EncodedSearchCacheFilter.class);

  /** A fingerprint of the types a search reads, and when this node first saw it. */
  private record Seen(Fingerprint fingerprint, long sinceNanos) {}

  private final CurrentVersions currentVersions;
  private final Cache<String, EncodedResponse> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final Map<String, Seen> firstSeen = new ConcurrentHashMap<>();
  private volatile boolean answering = true;

  EncodedSearchCacheFilter(CurrentVersions currentVersions, long maxBytes, Duration maxAge) {
    this.currentVersions = currentVersions;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .<String, EncodedResponse>weigher((key, response) -> response.weight())
            .expireAfterWrite(maxAge)
            .build();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = answering ? cacheableSearchType(request) : null;
    if (type == null) {
      chain.doFilter(request, response);
      return;
    }
    List<String> types = typesRead(type);
    Fingerprint before = fingerprintOrNull(types);
    if (before == null) {
      chain.doFilter(request, response);
      return;
    }
    String key =
        String.join(
            "\n",
            type,
            request.getQueryString(),
            before.toString(),
            EncodedAnswers.variant(request));
    EncodedResponse cached = cache.getIfPresent(key);
    if (cached != null) {
      hits.increment();
      log.debug("Search cache hit: {}?{}", type, request.getQueryString());
      EncodedAnswers.replay(cached, request, response);
      return;
    }
    misses.increment();
    boolean settled = System.nanoTime() - firstSeen(type, before) >= SETTLE.toNanos();
    List<Map.Entry<String, String>> setBefore = EncodedAnswers.headersSoFar(response);
    ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, recording);
      if (recording.getStatus() == HttpServletResponse.SC_OK
          && settled
          && before.equals(fingerprintOrNull(types))) {
        cache.put(
            key,
            EncodedAnswers.recorded(null, recording, setBefore, recording.getContentAsByteArray()));
      }
    } finally {
      recording.copyBodyToResponse();
    }
  }

  /**
   * From now on every search goes to HAPI, for a feature that must see each one (an audit trail
   * that records every search). Called while the server starts, before it takes requests.
   */
  public void passEverySearchToHapi() {
    answering = false;
  }

  /** Searches answered from the cache and searches that went to HAPI, since start-up. */
  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  /**
   * The fingerprint, or null when the database could not give it: the search then goes to HAPI,
   * whose failure answers (503 while the database is away) are the ones a caller should get, not a
   * cache's.
   */
  private Fingerprint fingerprintOrNull(List<String> types) {
    try {
      return currentVersions.fingerprint(types);
    } catch (DataAccessException databaseAway) {
      return null;
    }
  }

  /** When this node first saw {@code fingerprint} for {@code type}, in nanoTime. */
  private long firstSeen(String type, Fingerprint fingerprint) {
    return firstSeen
        .compute(
            type,
            (key, last) ->
                last != null && last.fingerprint().equals(fingerprint)
                    ? last
                    : new Seen(fingerprint, System.nanoTime()))
        .sinceNanos();
  }

  private static List<String> typesRead(String type) {
    return Stream.concat(Stream.of(type), READ_ALONG.stream()).toList();
  }

  /** The searched type, or null when the request is not a plain anonymous catalog search. */
  private static String cacheableSearchType(HttpServletRequest request) {
    String query = request.getQueryString();
    String cacheControl =
        String.valueOf(request.getHeader("Cache-Control")).toLowerCase(Locale.ROOT);
    if (!"GET".equals(request.getMethod())
        || query == null
        || request.getHeader("Authorization") != null
        // as HAPI's own search cache: the caller asks for a fresh search
        || cacheControl.contains("no-cache")
        || cacheControl.contains("no-store")) {
      return null;
    }
    Matcher path =
        CACHEABLE_SEARCH.matcher(
            request.getRequestURI().substring(request.getContextPath().length()));
    if (!path.matches()) {
      return null;
    }
    for (String parameter : query.split("&")) {
      String name;
      try {
        name =
            URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT);
      } catch (IllegalArgumentException badEscape) {
        return null; // HAPI answers it with its own 400
      }
      if (!PLAIN_PARAMETER.matcher(name).matches()
          || OTHER_TYPES_PARAMETERS.stream().anyMatch(name::startsWith)) {
        return null;
      }
    }
    return path.group(1);
  }
}
