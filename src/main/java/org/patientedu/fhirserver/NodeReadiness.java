package org.patientedu.fhirserver;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.stereotype.Component;

/**
 * Whether this node answers from its content yet: the one rule every front door applies (FHIR, the
 * handout pages, Infobutton, CDS Hooks), each in its own protocol's error format.
 *
 * <p>Tomcat listens before the node is ready: the guide is installed, the content pack loaded (a
 * first load of 10,000 pages takes minutes) and the day's review states refreshed after it. Until
 * then an answer would come from a half-loaded store, or from yesterday's review states: an empty
 * catalog, a handout "not found", an Infobutton feed or a CDS Hooks call with no education. So each
 * says "starting, try again" (503 with {@code Retry-After}) instead, as it does when the node
 * stops.
 */
@Component
public class NodeReadiness {

  /** What a refused caller is told, in each protocol's own error format. */
  public static final String STARTING =
      "The server is starting and not ready yet (its content is still loading). Try again"
          + " shortly.";

  /** The {@code Retry-After} of every 503 this server gives, in seconds. */
  public static final String RETRY_AFTER_SECONDS = FailureAnswers.RETRY_AFTER_SECONDS;

  private final ApplicationAvailability availability;

  NodeReadiness(ApplicationAvailability availability) {
    this.availability = availability;
  }

  /**
   * False until the node is ready (Spring Boot's readiness state), and again once it begins to
   * stop.
   */
  public boolean answersFromContent() {
    return availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
  }
}
