package org.patientedu.fhirserver.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The front door on the servlet API's test fixtures, in the order the server puts the filters: the
 * front door, then a stand-in for the security chain (it counts the requests it sees and sets a
 * security header), then the cache in its usual place, then the page. What the front door answers
 * never reaches the security chain, and carries the chain's headers exactly once.
 */
class AnonymousFrontDoorTest {

  private final AtomicInteger passedSecurity = new AtomicInteger();
  private final AtomicInteger renderings = new AtomicInteger();

  /** Answers every GET by its path; keeps only answers to callers without credentials. */
  private static final class PathCache extends EncodedAnswerFilter {

    PathCache() {
      super("Test cache", 1_000_000, null);
    }

    @Override
    protected Question question(HttpServletRequest request) {
      return "GET".equals(request.getMethod())
          ? new Question(
              request.getRequestURI(),
              request.getRequestURI(),
              null,
              answer -> request.getHeader("Authorization") == null)
          : null;
    }
  }

  private final PathCache cache = new PathCache();
  private final AnonymousFrontDoor frontDoor = new AnonymousFrontDoor(List.of(cache));

  @Test
  void anAnonymousRepeatIsAnsweredBeforeTheSecurityChainWithItsHeadersOnce() throws Exception {
    MockHttpServletResponse first = get("/page/1", null);
    MockHttpServletResponse second = get("/page/1", null);

    assertThat(renderings.get()).isEqualTo(1);
    assertThat(passedSecurity.get()).as("the repeat never reached the security chain").isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);
    assertThat(second.getContentAsByteArray())
        .isNotEmpty()
        .isEqualTo(first.getContentAsByteArray());
    assertThat(second.getHeaders("X-Content-Type-Options")).containsExactly("nosniff");
    assertThat(second.getHeaders("X-Rendered")).containsExactly("yes");
    assertThat(second.getContentType()).isEqualTo("text/html;charset=UTF-8");
  }

  @Test
  void aCallerWithCredentialsACookieOrAnOriginGoesThroughTheChain() throws Exception {
    get("/page/2", null); // recorded at the front door
    for (String[] header :
        List.of(
            new String[] {"Authorization", "Bearer abc"},
            new String[] {"Cookie", "other=1"},
            new String[] {"Origin", "https://ehr.example"})) {
      int before = passedSecurity.get();
      MockHttpServletResponse response = get("/page/2", header);
      assertThat(passedSecurity.get()).as(header[0]).isEqualTo(before + 1);
      assertThat(response.getHeaders("X-Content-Type-Options")).as(header[0]).hasSize(1);
    }
    // Behind the chain: the token holder's answer is not kept, the cookie holder's is, and the
    // caller with an Origin is answered from it: three renderings in all.
    assertThat(renderings.get()).isEqualTo(3);
    assertThat(cache.hits()).isEqualTo(1);
  }

  @Test
  void aCacheStandingAsideIsNotAnsweredAtTheFrontDoor() throws Exception {
    get("/page/3", null);
    cache.standAside();
    get("/page/3", null);
    assertThat(passedSecurity.get()).isEqualTo(2);
    assertThat(renderings.get()).isEqualTo(2);
  }

  @Test
  void aRequestThroughTheFrontDoorIsNotRecordedTwice() throws Exception {
    get("/page/4", null);
    // one answer recorded (at the front door), not a second copy behind the chain
    MockHttpServletResponse withToken = get("/page/4", new String[] {"Authorization", "Bearer"});
    assertThat(renderings.get()).isEqualTo(2);
    assertThat(withToken.getContentAsByteArray()).isNotEmpty();
  }

  private MockHttpServletResponse get(String path, String[] header) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    if (header != null) {
      request.addHeader(header[0], header[1]);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    OncePerRequestFilter securityChain =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
              throws ServletException, IOException {
            passedSecurity.incrementAndGet();
            resp.setHeader("X-Content-Type-Options", "nosniff");
            chain.doFilter(req, resp);
          }
        };
    HttpServlet page =
        new HttpServlet() {
          @Override
          protected void doGet(HttpServletRequest req, HttpServletResponse resp)
              throws IOException {
            renderings.incrementAndGet();
            resp.setContentType("text/html;charset=UTF-8");
            resp.setHeader("X-Rendered", "yes");
            resp.getOutputStream().write(("page " + path).getBytes(StandardCharsets.UTF_8));
          }
        };
    frontDoor.doFilter(request, response, new MockFilterChain(page, securityChain, cache));
    return response;
  }
}
