package org.patientedu.fhirserver.readcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves plain reads of the content resources ({@code GET /fhir/Library/{id}}, DocumentReference,
 * Binary) from the bytes HAPI encoded the first time, as long as the resource is still at that
 * version. Each request asks the database for the current version (so writes on any node are seen
 * at once) and skips HAPI's parse-and-encode, which is most of a read's cost.
 *
 * <p>Only the simplest, commonest request is cached: no query string (no {@code _format}, {@code
 * _summary}, {@code _elements}), no {@code If-Modified-Since}. Everything the answer depends on is
 * in the key: the version, {@code Accept}, whether gzip is accepted, and the host and forwarding
 * headers (HAPI writes absolute URLs into {@code Content-Location}). Only a 200 whose ETag is the
 * version looked up first is stored, so a write racing the read never leaves an old body under a
 * new version.
 *
 * <p>Only answers given to a request without credentials are stored: a 200 there means the resource
 * is public (authorization refuses anything else to an anonymous caller), so replaying it to anyone
 * shows nothing that caller may not see. A record answered to a token holder is never stored.
 * Authentication runs before this filter (Spring Security's filter chain comes first), so a request
 * with a bad token never reaches it.
 */
public class EncodedReadCacheFilter extends OncePerRequestFilter {

  private static final Pattern CACHEABLE_READ =
      Pattern.compile("/fhir/(Library|DocumentReference|Binary)/([A-Za-z0-9\\-.]{1,64})");

  private static final Logger log = LoggerFactory.getLogger(EncodedReadCacheFilter.class);

  private final CurrentVersions currentVersions;
  private final Cache<String, EncodedResponse> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private volatile boolean answering = true;

  EncodedReadCacheFilter(CurrentVersions currentVersions, long maxBytes) {
    this.currentVersions = currentVersions;
    this.cache =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .<String, EncodedResponse>weigher((key, response) -> response.weight())
            .build();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher read = answering ? cacheableRead(request) : null;
    OptionalLong version =
        read == null ? OptionalLong.empty() : currentVersions.of(read.group(1), read.group(2));
    if (version.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String key = key(request, read, version.getAsLong());
    EncodedResponse cached = cache.getIfPresent(key);
    if (cached != null) {
      hits.increment();
      if (log.isDebugEnabled()) {
        log.debug(
            "Read cache hit: {}/{} version {}", read.group(1), read.group(2), version.getAsLong());
      }
      EncodedAnswers.replay(cached, request, response);
      return;
    }
    misses.increment();
    List<Map.Entry<String, String>> setBefore = EncodedAnswers.headersSoFar(response);
    ContentCachingResponseWrapper recording = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(request, recording);
      String expectedEtag = "W/\"" + version.getAsLong() + "\"";
      if (recording.getStatus() == HttpServletResponse.SC_OK
          && expectedEtag.equals(recording.getHeader("ETag"))
          && request.getHeader("Authorization") == null) {
        cache.put(
            key,
            EncodedAnswers.recorded(
                expectedEtag, recording, setBefore, recording.getContentAsByteArray()));
      }
    } finally {
      recording.copyBodyToResponse();
    }
  }

  /**
   * From now on every read goes to HAPI, for a feature that must see each one (an audit trail that
   * records every read). Called while the server starts, before it takes requests.
   */
  public void passEveryReadToHapi() {
    answering = false;
  }

  /** Reads answered from the cache and reads that went to HAPI, since start-up. */
  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  private static Matcher cacheableRead(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod())
        || request.getQueryString() != null
        || request.getHeader("If-Modified-Since") != null) {
      return null;
    }
    Matcher matcher =
        CACHEABLE_READ.matcher(
            request.getRequestURI().substring(request.getContextPath().length()));
    return matcher.matches() ? matcher : null;
  }

  private static String key(HttpServletRequest request, Matcher read, long version) {
    return String.join(
        "\n",
        read.group(1),
        read.group(2),
        Long.toString(version),
        EncodedAnswers.variant(request));
  }
}
