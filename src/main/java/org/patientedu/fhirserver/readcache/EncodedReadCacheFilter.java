package org.patientedu.fhirserver.readcache;

import jakarta.servlet.http.HttpServletRequest;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
public class EncodedReadCacheFilter extends EncodedAnswerFilter {

  private static final Pattern CACHEABLE_READ =
      Pattern.compile("/fhir/(Library|DocumentReference|Binary)/([A-Za-z0-9\\-.]{1,64})");

  private final CurrentVersions currentVersions;

  EncodedReadCacheFilter(CurrentVersions currentVersions, long maxBytes) {
    super("Read cache", maxBytes, null);
    this.currentVersions = currentVersions;
  }

  @Override
  protected Question question(HttpServletRequest request) {
    Matcher read = cacheableRead(request);
    OptionalLong version =
        read == null ? OptionalLong.empty() : currentVersions.of(read.group(1), read.group(2));
    if (version.isEmpty()) {
      return null;
    }
    String key =
        String.join(
            "\n",
            read.group(1),
            read.group(2),
            Long.toString(version.getAsLong()),
            variant(request));
    String expectedEtag = "W/\"" + version.getAsLong() + "\"";
    return new Question(
        key,
        read.group(1) + "/" + read.group(2) + " version " + version.getAsLong(),
        expectedEtag,
        answered ->
            expectedEtag.equals(answered.getHeader("ETag"))
                && request.getHeader("Authorization") == null);
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
}
