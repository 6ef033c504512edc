package org.patientedu.fhirserver;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time one FHIR request may take ({@code edu.limits.request-deadline}), and the database
 * statement it is running at the moment. HAPI runs a request's searches, reads and writes on the
 * request's own thread, so the deadline travels with the thread. When it passes, the statement
 * running is cancelled ({@link Statement#cancel()}: the database stops it and the request fails
 * with SQLSTATE 57014) and every later statement of the request is refused before it reaches the
 * database ({@link DeadlineStatements}). Not {@code Statement.setQueryTimeout} with the time left:
 * it counts whole seconds, and H2 applies it to the pooled connection's session, where it would
 * stay for the requests that use the connection next.
 */
final class RequestDeadline {

  private static final Logger log = LoggerFactory.getLogger(RequestDeadline.class);
  private static final ThreadLocal<RequestDeadline> CURRENT = new ThreadLocal<>();

  private final Duration allowed;
  private final long expiresAtNanos;
  private volatile boolean expired;
  private volatile Statement running;

  private RequestDeadline(Duration allowed) {
    this.allowed = allowed;
    this.expiresAtNanos = System.nanoTime() + allowed.toNanos();
  }

  /** Starts a deadline for the request on this thread; {@link #end()} when it is answered. */
  static RequestDeadline start(Duration allowed) {
    RequestDeadline deadline = new RequestDeadline(allowed);
    CURRENT.set(deadline);
    return deadline;
  }

  /** The deadline of the request on this thread, or null outside a FHIR request. */
  static RequestDeadline current() {
    return CURRENT.get();
  }

  /** True when the request on this thread ran out of time. */
  static boolean currentExpired() {
    RequestDeadline deadline = CURRENT.get();
    return deadline != null && deadline.expired;
  }

  void end() {
    running = null;
    CURRENT.remove();
  }

  Duration allowed() {
    return allowed;
  }

  boolean isDue(long nowNanos) {
    return !expired && nowNanos - expiresAtNanos >= 0;
  }

  /** Called by the watchdog once the time is up: stop what the database is doing for it. */
  void expire() {
    expired = true;
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException | RuntimeException e) {
        // the statement finished or its connection closed meanwhile: nothing left to stop
        log.debug("Cancelling a statement at the request deadline failed", e);
      }
    }
  }

  /**
   * A statement of this request is about to run.
   *
   * @throws RequestDeadlineExceeded when the time is already up
   */
  void statementStarting(Statement statement) {
    if (expired) {
      throw new RequestDeadlineExceeded(allowed);
    }
    running = statement;
    if (expired) {
      // the watchdog may have looked just before the statement was recorded
      running = null;
      throw new RequestDeadlineExceeded(allowed);
    }
  }

  void statementEnded() {
    running = null;
  }

  /** A statement refused because its request had run out of time; nothing reached the database. */
  static final class RequestDeadlineExceeded extends RuntimeException {
    RequestDeadlineExceeded(Duration allowed) {
      super("request deadline of " + allowed + " passed", null, false, false);
    }
  }
}
