package org.patientedu.fhirserver;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code edu.limits.max-concurrent-writes} writes are processed at once (a Resilience4j
 * bulkhead); a write that finds no room within a moment gets 503 with {@code Retry-After} before
 * its body is read. Writes hold database locks and parse whole bodies: bounding them keeps reads
 * answering while someone floods the write path. Searches by POST are reads and pass.
 */
class ConcurrentWritesFilter extends OncePerRequestFilter {

  /** How long a write may wait for room: enough to smooth a burst, too short to pile up. */
  static final Duration MAX_WAIT = Duration.ofMillis(500);

  private static final byte[] BUSY =
      OperationOutcomes.errorJson(
              "transient",
              "The server is processing as many writes as it may at once (setting"
                  + " edu.limits.max-concurrent-writes); nothing was changed. Try again shortly.")
          .getBytes(StandardCharsets.UTF_8);

  private final Bulkhead writes;

  ConcurrentWritesFilter(int maxConcurrentWrites) {
    this.writes =
        Bulkhead.of(
            "fhir-writes",
            BulkheadConfig.custom()
                .maxConcurrentCalls(maxConcurrentWrites)
                .maxWaitDuration(MAX_WAIT)
                .build());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isWrite(request)) {
      chain.doFilter(request, response);
      return;
    }
    if (!writes.tryAcquirePermission()) {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", FailureAnswers.RETRY_AFTER_SECONDS);
      response.setContentType("application/fhir+json;charset=UTF-8");
      response.getOutputStream().write(BUSY);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      writes.onComplete();
    }
  }

  private static boolean isWrite(HttpServletRequest request) {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
      return false;
    }
    String uri = request.getRequestURI();
    return !("POST".equals(method) && uri.endsWith("/_search"));
  }
}
