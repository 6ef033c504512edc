package org.patientedu.fhirserver;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A refusal (401, 403) or a client error (400, 404, 412, ...) is the caller's business, answered
 * with an OperationOutcome and counted in the metric {@value #METRIC} (by status); it never writes
 * to the log. HAPI logs an exception thrown by an interceptor (its authorization refuses that way)
 * as an ERROR with a 70-line stack trace: an attacker could fill the disk at will (331 refused
 * requests wrote 3.1 MB). Server errors (5xx) are still logged, once ({@link FailureAnswers}).
 */
final class QuietRefusals extends OncePerRequestFilter {

  static final String METRIC = "edu.fhir.client-errors";

  private final MeterRegistry meters;

  QuietRefusals(MeterRegistry meters) {
    this.meters = meters;
    ((LoggerContext) LoggerFactory.getILoggerFactory()).addTurboFilter(new DropClientErrors());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } finally {
      int status = response.getStatus();
      if (status >= 400 && status < 500) {
        meters.counter(METRIC, "status", Integer.toString(status)).increment();
      }
    }
  }

  /** Drops log events whose exception is a HAPI answer with a 4xx status. */
  static final class DropClientErrors extends TurboFilter {
    @Override
    public FilterReply decide(
        Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
      Throwable thrown = t;
      if (thrown == null && params != null && params.length > 0) {
        thrown = params[params.length - 1] instanceof Throwable last ? last : null;
      }
      return isClientError(thrown) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static boolean isClientError(Throwable thrown) {
      return thrown instanceof BaseServerResponseException answer
          && answer.getStatusCode() >= 400
          && answer.getStatusCode() < 500;
    }
  }
}
