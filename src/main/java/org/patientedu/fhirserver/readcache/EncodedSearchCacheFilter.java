package org.patientedu.fhirserver.readcache;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Answers repeated catalog searches ({@code GET /fhir/Library?...}, {@code
 * /fhir/DocumentReference?...}) with the bytes HAPI gave the first time, as long as nothing they
 * could depend on was written since. EHRs ask the same few searches over and over of a catalog that
 * changes a few times a month; HAPI's own answer costs a database search and an encoding each time.
 *
 * <p>Never stale: the key holds a fingerprint of the searched type and of the terminology and
 * search parameters a search reads ({@code :below} and {@code :in} use the guide's CodeSystems and
 * ValueSets), asked of the database on every request, and an answer is kept only once the full-text
 * index has caught up ({@link FingerprintedQuestions}).
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
public class EncodedSearchCacheFilter extends EncodedAnswerFilter {

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

  private final FingerprintedQuestions questions;

  EncodedSearchCacheFilter(FingerprintedQuestions questions, long maxBytes, Duration maxAge) {
    super("Search cache", maxBytes, maxAge);
    this.questions = questions;
  }

  @Override
  protected Question question(HttpServletRequest request) {
    String type = cacheableSearchType(request);
    if (type == null) {
      return null;
    }
    String query = request.getQueryString();
    return questions.question(
        String.join("\n", type, query, variant(request)), type + "?" + query, typesRead(type));
  }

  private static List<String> typesRead(String type) {
    return Stream.concat(Stream.of(type), READ_ALONG.stream()).toList();
  }

  /** The searched type, or null when the request is not a plain anonymous catalog search. */
  private static String cacheableSearchType(HttpServletRequest request) {
    String query = request.getQueryString();
    if (!"GET".equals(request.getMethod())
        || query == null
        || request.getHeader("Authorization") != null
        // as HAPI's own search cache: the caller asks for a fresh search
        || asksForFresh(request)) {
      return null;
    }
    Matcher path =
        CACHEABLE_SEARCH.matcher(
            request.getRequestURI().substring(request.getContextPath().length()));
    if (!path.matches()) {
      return null;
    }
    List<String> names = parameterNames(query);
    if (names == null) {
      return null; // HAPI answers it with its own 400
    }
    for (String name : names) {
      if (!PLAIN_PARAMETER.matcher(name).matches()
          || OTHER_TYPES_PARAMETERS.stream().anyMatch(name::startsWith)) {
        return null;
      }
    }
    return path.group(1);
  }
}
