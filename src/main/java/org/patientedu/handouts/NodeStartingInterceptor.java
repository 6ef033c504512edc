package org.patientedu.handouts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.patientedu.fhirserver.NodeReadiness;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Until the node is ready ({@link NodeReadiness}), the catalog, the handouts, their PDFs and the
 * record-as-given form answer a page saying the handouts are loading (503, {@code Retry-After}), in
 * the reader's language: never an empty or partial catalog, a handout "not found" that is only not
 * loaded yet, or yesterday's review state on paper.
 */
class NodeStartingInterceptor implements HandlerInterceptor {

  private final NodeReadiness readiness;

  NodeStartingInterceptor(NodeReadiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!readiness.answersFromContent()) {
      throw new NodeStarting();
    }
    return true;
  }

  /**
   * Thrown before a handout handler runs, so that MVC renders the page in the reader's language.
   */
  static final class NodeStarting extends RuntimeException {
    NodeStarting() {
      super(NodeReadiness.STARTING, null, false, false);
    }
  }

  /** The page for {@link NodeStarting}, whichever of this package's handlers was to answer. */
  @ControllerAdvice(basePackageClasses = NodeStartingInterceptor.class)
  static class Page {
    @ExceptionHandler(NodeStarting.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    String starting(HttpServletResponse response) {
      response.setHeader(HttpHeaders.RETRY_AFTER, NodeReadiness.RETRY_AFTER_SECONDS);
      return "error/starting";
    }
  }
}
