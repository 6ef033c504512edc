package org.patientedu.fhirserver.readcache;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The answer caches' entrance for anonymous callers, in front of every other filter but the
 * readiness check: a GET that carries no credentials, no cookie and no {@code Origin} is answered
 * from the cache (read, search, or handout page) before Spring Security, the request metrics and
 * the robustness filters run. For the reads and searches an EHR repeats all day, those filters cost
 * more than the cached answer itself (JFR under {@code wrk -c32}: over half of a cached read's CPU
 * was spent in filters between Tomcat and the cache).
 *
 * <p>What is replayed here is what a request without credentials got through the whole chain, so it
 * is recorded here too, with every header the other filters set (security headers, {@code Vary}),
 * under its own key, and only when the cache it belongs to would keep it: the same rules (a 200
 * answered to a caller without credentials, the fingerprint of what it read). The caches behind the
 * security chain still answer callers with a token; a request that passed through here is neither
 * looked up nor recorded there again.
 *
 * <p>Why this is safe to put before the security chain: it only answers requests that carry nothing
 * to authenticate, with answers an anonymous request got from the full chain; anything it cannot
 * answer goes through the whole chain as before. A cache that stands aside (an audit trail that
 * records every read, or the cache turned off) is not answered from here either. Requests answered
 * here are not in the {@code http.server.requests} metric; each cache counts its hits.
 */
public final class AnonymousFrontDoor extends OncePerRequestFilter {

  /** Set on a request that passed through here, for the caches behind the chain. */
  static final String PASSED = AnonymousFrontDoor.class.getName() + ".passed";

  private static final String KEY_PREFIX = "front door\n";

  private final List<EncodedAnswerFilter> caches;

  public AnonymousFrontDoor(List<EncodedAnswerFilter> caches) {
    this.caches = List.copyOf(caches);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (anonymous(request)) {
      for (EncodedAnswerFilter cache : caches) {
        EncodedAnswerFilter.Question question = cache.questionIfAnswering(request);
        if (question != null) {
          request.setAttribute(PASSED, Boolean.TRUE);
          // Its own key: recorded here, the answer carries the headers of the whole chain.
          cache.answer(
              new EncodedAnswerFilter.Question(
                  KEY_PREFIX + question.key(),
                  question.shown() + " (front door)",
                  question.etag(),
                  question.keep()),
              request,
              response,
              chain);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean anonymous(HttpServletRequest request) {
    return "GET".equals(request.getMethod())
        && request.getHeader("Authorization") == null
        && request.getHeader("Cookie") == null
        // CORS answers depend on the caller's origin: those go through the chain.
        && request.getHeader("Origin") == null;
  }
}
