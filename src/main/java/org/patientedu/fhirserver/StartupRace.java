package org.patientedu.fhirserver;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Several nodes starting together on one database write the same resources with the same fixed ids.
 * The database lets one win; the others get a conflict, wait a moment, and try again, and then find
 * the work done.
 */
public final class StartupRace {

  private static final Logger log = LoggerFactory.getLogger(StartupRace.class);
  private static final int ATTEMPTS = 5;

  private StartupRace() {}

  public static <T> T retryOnConflict(String what, Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.get();
      } catch (ResourceVersionConflictException | DataIntegrityViolationException e) {
        if (attempt == ATTEMPTS) {
          throw new IllegalStateException(
              what
                  + " failed after "
                  + ATTEMPTS
                  + " attempts; another node kept writing the same resources: "
                  + e.getMessage(),
              e);
        }
        log.info(
            "Another node is doing the same at start-up ({}); retrying ({}/{})",
            what,
            attempt,
            ATTEMPTS);
        try {
          Thread.sleep(200L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(what + " interrupted", interrupted);
        }
      }
    }
  }
}
