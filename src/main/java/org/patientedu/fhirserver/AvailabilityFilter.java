package org.patientedu.fhirserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /fhir} says 503 with {@code Retry-After} when it cannot answer truly:
 *
 * <ul>
 *   <li>until the node is ready ({@link NodeReadiness}), so a caller never takes "not started yet"
 *       for "no match"; the health endpoints stay open;
 *   <li>when the database cannot be reached by the servlet filters in front of HAPI (the read cache
 *       asks it for current versions); HAPI's own failures are answered by {@link FailureAnswers}.
 * </ul>
 */
class AvailabilityFilter extends OncePerRequestFilter {

  private static final byte[] DATABASE_UNAVAILABLE =
      OperationOutcomes.errorJson("transient", FailureAnswers.DATABASE_UNAVAILABLE)
          .getBytes(StandardCharsets.UTF_8);

  private static final byte[] NOT_READY =
      OperationOutcomes.errorJson("transient", NodeReadiness.STARTING)
          .getBytes(StandardCharsets.UTF_8);

  private final NodeReadiness readiness;

  AvailabilityFilter(NodeReadiness readiness) {
    this.readiness = readiness;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!readiness.answersFromContent()) {
      unavailable(response, NOT_READY);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException failure) {
      if (!FailureAnswers.databaseUnreachable(failure) || response.isCommitted()) {
        throw failure;
      }
      response.reset();
      unavailable(response, DATABASE_UNAVAILABLE);
    }
  }

  private static void unavailable(HttpServletResponse response, byte[] outcome) throws IOException {
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", FailureAnswers.RETRY_AFTER_SECONDS);
    response.setContentType("application/fhir+json;charset=UTF-8");
    response.getOutputStream().write(outcome);
  }
}
