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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * What every cache of encoded answers shares (the read and search caches here, the handout pages'
 * cache in its feature): a request the subclass can answer ({@link #question}) gets the bytes
 * recorded for an earlier request with the same key; any other request, and a first one, goes on
 * down the chain (to HAPI, or to the page's controller), and its answer is recorded when it is a
 * 200 the subclass says may be kept. Bounded in bytes, counted, and able to stand aside.
 *
 * <p>Headers that the filters before the cache set (CORS for the caller's origin, security headers)
 * are never recorded: those filters set them again on the request an answer is replayed to, so a
 * replay sends them once, and a CORS header meant for one origin never reaches another. Per-request
 * and per-connection headers ({@code Date}, {@code Set-Cookie}, ...) are never replayed; an answer
 * whose producer said {@code Cache-Control: no-store} or {@code private} is never kept.
 */
public abstract class EncodedAnswerFilter extends OncePerRequestFilter {

  /**
   * A request this cache may answer.
   *
   * @param key everything the answer depends on
   * @param shown how the debug log names the answer
   * @param etag the answer's ETag when the cache answers {@code If-None-Match} itself, else null
   * @param keep asked once the chain answered 200: whether that answer may be kept under {@code
   *     key}
   */
  public record Question(
      String key, String shown, String etag, Predicate<HttpServletResponse> keep) {}

  /** Per-request or per-connection headers that must not be replayed. */
  private static final Set<String> NOT_REPLAYED =
      Set.of(
          "date",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "x-request-id",
          "set-cookie");

  private static final String REQUEST_ID = "X-Request-ID";

  private final Logger log = LoggerFactory.getLogger(getClass());
  private final String name;
  private final Cache<String, EncodedResponse> cache;
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private volatile boolean answering = true;

  /**
   * @param name what the debug log calls this cache ("Read cache")
   * @param maxBytes what the recorded answers may weigh together; past it the least used go
   * @param maxAge how long an answer is kept at most; null: as long as its key holds
   */
  protected EncodedAnswerFilter(String name, long maxBytes, Duration maxAge) {
    this.name = name;
    Caffeine<String, EncodedResponse> builder =
        Caffeine.newBuilder()
            .maximumWeight(maxBytes)
            .weigher((String key, EncodedResponse response) -> response.weight(key));
    this.cache = maxAge == null ? builder.build() : builder.expireAfterWrite(maxAge).build();
  }

  /**
   * What {@code request} is looked up by, or null when this cache must not answer it (the request
   * then goes on down the chain and nothing is recorded).
   */
  protected abstract Question question(HttpServletRequest request);

  /**
   * What the skipped chain would have done for this request besides its answer (a page remembers
   * the reader's language choice in a cookie); called before a recorded answer is replayed.
   */
  protected void beforeReplay(HttpServletRequest request, HttpServletResponse response) {}

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // A request the front door took is not looked up or recorded a second time here.
    Question question =
        request.getAttribute(AnonymousFrontDoor.PASSED) == null
            ? questionIfAnswering(request)
            : null;
    if (question == null) {
      chain.doFilter(request, response);
      return;
    }
    answer(question, request, response, chain);
  }

  /**
   * What this cache would answer {@code request} by, here or at the front door, or null: not its
   * request, or the cache stands aside.
   */
  final Question questionIfAnswering(HttpServletRequest request) {
    return answering ? question(request) : null;
  }

  /**
   * Replays the answer recorded under the question's key, or runs the chain and records its answer
   * when it may be kept.
   */
  final void answer(
      Question question,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws ServletException, IOException {
    EncodedResponse cached = cache.getIfPresent(question.key());
    if (cached != null) {
      hits.increment();
      if (log.isDebugEnabled()) {
        log.debug("{} hit: {}", name, question.shown());
      }
      beforeReplay(request, response);
      replay(cached, request, response);
      return;
    }
    misses.increment();
    List<Map.Entry<String, String>> setBefore = headersSoFar(response);
    RecordingResponse recording = new RecordingResponse(response);
    try {
      chain.doFilter(request, recording);
      if (recording.getStatus() == HttpServletResponse.SC_OK
          && mayBeStored(recording)
          && question.keep().test(recording)) {
        cache.put(question.key(), recorded(question.etag(), recording, setBefore));
      }
    } finally {
      recording.copyBodyToResponse();
    }
  }

  /**
   * From now on every request goes on down the chain, for a feature that must see each one (an
   * audit trail that records every read). Called while the server starts, before it takes requests.
   */
  public void standAside() {
    answering = false;
  }

  /** What the recorded answers weigh now (about their bytes in memory), at most the bound. */
  long bytesHeld() {
    cache.cleanUp();
    return cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
  }

  /** Requests answered from the cache since start-up. */
  public long hits() {
    return hits.sum();
  }

  /** Requests this cache could have answered that went on down the chain, since start-up. */
  public long misses() {
    return misses.sum();
  }

  /** Whether the caller asks for a fresh answer ({@code Cache-Control: no-cache} or no-store). */
  protected static boolean asksForFresh(HttpServletRequest request) {
    String cacheControl =
        String.valueOf(request.getHeader(HttpHeaders.CACHE_CONTROL)).toLowerCase(Locale.ROOT);
    return cacheControl.contains("no-cache") || cacheControl.contains("no-store");
  }

  /**
   * The request headers an answer depends on besides the URL: the format asked for, gzip, and the
   * host and forwarding headers (HAPI writes absolute URLs into links and Content-Location).
   */
  protected static String variant(HttpServletRequest request) {
    String acceptEncoding =
        String.valueOf(request.getHeader("Accept-Encoding")).toLowerCase(Locale.ROOT);
    return String.join(
        "\n",
        String.valueOf(request.getHeader("Accept")),
        Boolean.toString(acceptEncoding.contains("gzip")),
        String.valueOf(request.getHeader("Prefer")),
        String.valueOf(request.getHeader("Host")),
        String.valueOf(request.getHeader("X-Forwarded-Host")),
        String.valueOf(request.getHeader("X-Forwarded-Proto")),
        String.valueOf(request.getHeader("X-Forwarded-Prefix")),
        String.valueOf(request.getHeader("Forwarded")),
        request.getScheme());
  }

  /**
   * The names of the query's parameters, decoded and lower-cased; null when one is badly escaped
   * (the chain answers that with its own 400).
   */
  protected static List<String> parameterNames(String query) {
    List<String> names = new ArrayList<>();
    if (query == null || query.isEmpty()) {
      return names;
    }
    for (String parameter : query.split("&")) {
      try {
        names.add(
            URLDecoder.decode(parameter.split("=", 2)[0], StandardCharsets.UTF_8)
                .toLowerCase(Locale.ROOT));
      } catch (IllegalArgumentException badEscape) {
        return null;
      }
    }
    return names;
  }

  /** Its producer did not forbid keeping it. */
  private static boolean mayBeStored(HttpServletResponse response) {
    String cacheControl =
        String.join(",", response.getHeaders(HttpHeaders.CACHE_CONTROL)).toLowerCase(Locale.ROOT);
    return !cacheControl.contains("no-store") && !cacheControl.contains("private");
  }

  /** The headers already on {@code response}. */
  private static List<Map.Entry<String, String>> headersSoFar(HttpServletResponse response) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String name : response.getHeaderNames()) {
      for (String value : response.getHeaders(name)) {
        headers.add(Map.entry(name, value));
      }
    }
    return headers;
  }

  /**
   * The answer as recorded, without the headers that were {@code setBefore} the chain ran. The
   * container keeps the content type and language apart from the other headers (they are not among
   * its header names until it sends them), so they are taken from what the chain set.
   */
  private static EncodedResponse recorded(
      String etag, RecordingResponse response, List<Map.Entry<String, String>> setBefore) {
    List<Map.Entry<String, String>> headers = headersSoFar(response);
    setBefore.forEach(headers::remove);
    headers.removeIf(header -> NOT_REPLAYED.contains(header.getKey().toLowerCase(Locale.ROOT)));
    if (response.getContentType() != null && !named(headers, HttpHeaders.CONTENT_TYPE)) {
      headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, response.getContentType()));
    }
    if (response.localeSet != null && !named(headers, HttpHeaders.CONTENT_LANGUAGE)) {
      headers.add(Map.entry(HttpHeaders.CONTENT_LANGUAGE, response.localeSet.toLanguageTag()));
    }
    return new EncodedResponse(etag, List.copyOf(headers), response.getContentAsByteArray());
  }

  private static boolean named(List<Map.Entry<String, String>> headers, String name) {
    return headers.stream().anyMatch(header -> header.getKey().equalsIgnoreCase(name));
  }

  private static void replay(
      EncodedResponse cached, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String requestId = request.getHeader(REQUEST_ID);
    if (requestId != null) {
      response.setHeader(REQUEST_ID, requestId);
    }
    if (cached.etag() != null && cached.etag().equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      response.setHeader("ETag", cached.etag());
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    for (Map.Entry<String, String> header : cached.headers()) {
      response.addHeader(header.getKey(), header.getValue());
    }
    response.setContentLength(cached.body().length);
    response.getOutputStream().write(cached.body());
  }

  /** The body, and the locale the chain gave the answer (its Content-Language), if any. */
  private static final class RecordingResponse extends ContentCachingResponseWrapper {

    private Locale localeSet;

    RecordingResponse(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void setLocale(Locale locale) {
      localeSet = locale;
      super.setLocale(locale);
    }
  }
}
