package org.patientedu.fhirserver.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The shared shape of the answer caches, on the servlet API's test fixtures: what is replayed, what
 * is never kept, and the bound in bytes that every cache (read, search, pages) is held to.
 */
class EncodedAnswerFilterTest {

  private static final int PAGE_BYTES = 1_000;

  /** Answers every GET by its path, rendering a page of 1,000 bytes that counts its renderings. */
  private static final class PathCache extends EncodedAnswerFilter {

    PathCache(long maxBytes) {
      super("Test cache", maxBytes, null);
    }

    @Override
    protected Question question(HttpServletRequest request) {
      return "GET".equals(request.getMethod())
          ? new Question(request.getRequestURI(), request.getRequestURI(), null, answer -> true)
          : null;
    }
  }

  private final AtomicInteger renderings = new AtomicInteger();

  @Test
  void theAnswersKeptNeverWeighMoreThanTheBound() throws Exception {
    PathCache cache = new PathCache(10 * PAGE_BYTES);
    for (int page = 0; page < 50; page++) {
      request(cache, "/page/" + page);
    }
    assertThat(cache.bytesHeld()).isPositive().isLessThanOrEqualTo(10 * PAGE_BYTES);

    // At most 10 of the 50 are kept (about 1,300 bytes each with key and headers): asked again,
    // at least 40 must be rendered again.
    int before = renderings.get();
    for (int page = 0; page < 50; page++) {
      request(cache, "/page/" + page);
    }
    assertThat(renderings.get() - before).isGreaterThanOrEqualTo(40);
    assertThat(cache.bytesHeld()).isLessThanOrEqualTo(10 * PAGE_BYTES);
  }

  @Test
  void aReplayIsTheRecordedBodyAndHeadersWithoutThoseSetBeforeTheCache() throws Exception {
    PathCache cache = new PathCache(10 * PAGE_BYTES);
    MockHttpServletResponse first = request(cache, "/page/1");
    MockHttpServletResponse replayed = request(cache, "/page/1");

    assertThat(renderings.get()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(replayed.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray());
    assertThat(replayed.getContentType()).isEqualTo("text/html;charset=UTF-8");
    assertThat(replayed.getHeaders("X-Rendered")).containsExactly("yes");
    assertThat(replayed.getHeaders("Content-Language")).containsExactly("es");
    assertThat(replayed.getHeaders("X-Set-Before")).as("set again by its filter, once").hasSize(1);
  }

  @Test
  void anAnswerItsProducerMarkedNoStoreIsNeverKept() throws Exception {
    PathCache cache = new PathCache(10 * PAGE_BYTES);
    request(cache, "/private/1");
    request(cache, "/private/1");
    assertThat(renderings.get()).isEqualTo(2);
    assertThat(cache.hits()).isZero();
  }

  @Test
  void aCacheThatStandsAsideAnswersNothing() throws Exception {
    PathCache cache = new PathCache(10 * PAGE_BYTES);
    request(cache, "/page/1");
    cache.standAside();
    request(cache, "/page/1");
    assertThat(renderings.get()).isEqualTo(2);
    assertThat(cache.hits()).isZero();
  }

  /** One GET through the cache; a filter before it sets X-Set-Before, the page comes after. */
  private MockHttpServletResponse request(PathCache cache, String path) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    response.setHeader("X-Set-Before", "set by an earlier filter");
    cache.doFilter(
        request,
        response,
        new MockFilterChain(
            new jakarta.servlet.http.HttpServlet() {
              @Override
              protected void doGet(HttpServletRequest req, HttpServletResponse resp)
                  throws java.io.IOException {
                renderings.incrementAndGet();
                resp.setContentType("text/html;charset=UTF-8");
                resp.setLocale(java.util.Locale.forLanguageTag("es"));
                resp.setHeader("X-Rendered", "yes");
                if (path.startsWith("/private/")) {
                  resp.setHeader("Cache-Control", "no-store");
                }
                resp.getOutputStream()
                    .write("x".repeat(PAGE_BYTES).getBytes(StandardCharsets.UTF_8));
              }
            }));
    return response;
  }
}
