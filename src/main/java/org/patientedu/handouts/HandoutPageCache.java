package org.patientedu.handouts;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.patientedu.fhirserver.readcache.EncodedAnswerFilter;
import org.patientedu.fhirserver.readcache.FingerprintedQuestions;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Answers repeated requests for the catalog ({@code /}) and a handout page ({@code /handouts/{id}})
 * with the bytes rendered the first time, while nothing they show changed. Nurses and EHR links
 * open the same few pages of a catalog that changes a few times a month; rendering one costs store
 * reads, full-text searches (the catalog's text filter) and a Thymeleaf render.
 *
 * <p>Never stale: the key holds a fingerprint of every type the pages read ({@link
 * HandoutCatalog#TYPES_READ}), asked of the database on every request, so a write on any node (an
 * edit, a review, an approval, a retirement, the daily review-state refresh) is seen on the next
 * request; a page is kept only once the full-text index has caught up ({@link
 * FingerprintedQuestions}). The key also holds the server's date ({@link Clock}), so nothing
 * rendered yesterday is shown today, and everything else a page depends on: the query string, the
 * reader's language as chosen ({@code ?lang}, its cookie, Accept-Language) and the request's format
 * and host headers.
 *
 * <p>Only anonymous GETs with the pages' own options ({@link #HANDOUT_OPTIONS}, {@link
 * #CATALOG_OPTIONS}): a page with a record-as-given ticket (or a patient or encounter) goes to the
 * controller, as does any request with credentials or with a cookie other than the reader's
 * language, which the pages do not read but which could one day personalise them, the PDF (its
 * rendering is for printing, not this traffic) and {@code Cache-Control: no-cache}. Only 200s are
 * kept: error pages never are.
 */
final class HandoutPageCache extends EncodedAnswerFilter {

  private static final Pattern HANDOUT_PAGE = Pattern.compile("/handouts/[A-Za-z0-9\\-.]{1,64}");
  private static final String CATALOG_PAGE = "/";

  /** The handout page's options: large print, paper, the reader's language. */
  static final Set<String> HANDOUT_OPTIONS = Set.of("print", "paper", ReaderLanguage.PARAMETER);

  /** The catalog's filters and page, and the reader's language. */
  static final Set<String> CATALOG_OPTIONS =
      Set.of("q", "context", "review", "language", "page", ReaderLanguage.PARAMETER);

  private final FingerprintedQuestions questions;
  private final LocaleResolver readerLanguage;
  private final Clock clock;

  HandoutPageCache(
      FingerprintedQuestions questions, LocaleResolver readerLanguage, Clock clock, long maxBytes) {
    super("Page cache", maxBytes, null);
    this.questions = questions;
    this.readerLanguage = readerLanguage;
    this.clock = clock;
  }

  @Override
  protected Question question(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    Set<String> options =
        CATALOG_PAGE.equals(path)
            ? CATALOG_OPTIONS
            : HANDOUT_PAGE.matcher(path).matches() && !path.endsWith(".pdf")
                ? HANDOUT_OPTIONS
                : null;
    if (options == null
        || !"GET".equals(request.getMethod())
        || request.getHeader(HttpHeaders.AUTHORIZATION) != null
        || asksForFresh(request)
        || !onlyTheReadersLanguageCookie(request)) {
      return null;
    }
    String query = request.getQueryString();
    List<String> names = parameterNames(query);
    if (names == null || !options.containsAll(names)) {
      return null;
    }
    String key =
        String.join(
            "\n",
            path,
            String.valueOf(query),
            String.valueOf(languageCookie(request)),
            String.valueOf(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)),
            LocalDate.now(clock).toString(),
            variant(request));
    return questions.question(
        key, query == null ? path : path + "?" + query, HandoutCatalog.TYPES_READ);
  }

  /** A replayed page remembers a {@code ?lang} choice as a rendered one does. */
  @Override
  protected void beforeReplay(HttpServletRequest request, HttpServletResponse response) {
    ReaderLanguage.takeChoiceOutsideDispatcher(request, response, readerLanguage);
  }

  private static boolean onlyTheReadersLanguageCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return true;
    }
    for (Cookie cookie : cookies) {
      if (!ReaderLanguage.COOKIE.equals(cookie.getName())) {
        return false;
      }
    }
    return true;
  }

  private static String languageCookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    StringBuilder values = new StringBuilder();
    for (Cookie cookie : cookies) {
      values.append(cookie.getValue()).append(';');
    }
    return values.toString();
  }
}
