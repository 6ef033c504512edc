package org.patientedu.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import ca.uhn.fhir.rest.server.exceptions.UnclassifiedServerFailureException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * What a failed FHIR request tells its caller. HAPI answers many failures as a 500 carrying the
 * Java exception's text (class names included); here each becomes what it is:
 *
 * <ul>
 *   <li>an update whose {@code If-Match} names a version that is no longer current: 412 (FHIR's
 *       answer), not HAPI's 409;
 *   <li>a request that ran out of time ({@code edu.limits.request-deadline}), its statement
 *       cancelled: 503;
 *   <li>a statement the database cancelled at {@code edu.limits.statement-timeout}: 503;
 *   <li>a database that cannot be reached: 503 with {@code Retry-After}, until it is back;
 *   <li>anything else unexpected: 500 with a reference to the one log entry that holds the details,
 *       never the details themselves.
 * </ul>
 *
 * Client errors keep HAPI's message, with any Java class name taken out.
 */
@Interceptor
final class FailureAnswers {

  private static final Logger log = LoggerFactory.getLogger(FailureAnswers.class);

  /** SQLSTATE for a statement cancelled (PostgreSQL's statement_timeout, H2's QUERY_TIMEOUT). */
  private static final String QUERY_CANCELED = "57014";

  /** Fully qualified Java class names, as in "org.springframework.dao.Foo: ". */
  private static final Pattern CLASS_NAME =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*(?::\\s*)?");

  static final String RETRY_AFTER_SECONDS = "5";

  static final String DATABASE_UNAVAILABLE =
      "The database is unavailable at the moment; nothing was changed by this request. Try again"
          + " shortly.";

  /** How long after the database was last found unreachable an unexplained failure is its. */
  private static final Duration OUTAGE_AFTERMATH = Duration.ofSeconds(30);

  private final Duration statementTimeout;
  private final BooleanSupplier databaseReachable;
  private volatile long lastOutage = System.nanoTime() - OUTAGE_AFTERMATH.toNanos();

  /**
   * @param databaseReachable asked when a request failed for no reason we recognise: HAPI's search
   *     keeps only the message of a database failure ("Connection refused"), not the exception
   */
  FailureAnswers(Duration statementTimeout, BooleanSupplier databaseReachable) {
    this.statementTimeout = statementTimeout;
    this.databaseReachable = databaseReachable;
  }

  @Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
  public BaseServerResponseException answer(RequestDetails request, Throwable failure) {
    if (failure instanceof ResourceVersionConflictException
        && request.getHeader(Constants.HEADER_IF_MATCH) != null) {
      return new PreconditionFailedException(
          "If-Match names a version that is not the current one: someone changed the resource"
              + " since it was read. Read it again and re-apply the change.");
    }
    RequestDeadline deadline = RequestDeadline.current();
    if (RequestDeadline.currentExpired()
        && !databaseUnreachable(failure)
        && !isClientError(failure)) {
      // a cancelled statement, a refused one, or what followed from either: the deadline's doing
      log.warn(
          "Request deadline passed: {} {} answered 503",
          request.getRequestType(),
          request.getRequestPath());
      return unavailable(
          "The request took longer than this server allows ("
              + seconds(deadline.allowed())
              + " s, setting edu.limits.request-deadline), so its database work was cancelled."
              + " Narrow the search, or try again when the server is less busy.");
    }
    if (hasSqlState(failure, QUERY_CANCELED::equals)) {
      return unavailable(
          "The request needed a database statement longer than this server allows ("
              + statementTimeout.toSeconds()
              + " s, setting edu.limits.statement-timeout), so it was cancelled. Narrow the"
              + " search.");
    }
    if (databaseUnreachable(failure)) {
      lastOutage = System.nanoTime();
      log.warn(
          "Database unreachable: {} {} answered 503",
          request.getRequestType(),
          request.getRequestPath());
      return unavailable(DATABASE_UNAVAILABLE);
    }
    if (failure instanceof DataFormatException badContent) {
      // a body or search value HAPI could not parse: the caller's error, not the server's
      return new InvalidRequestException(withoutClassNames(badContent.getMessage()));
    }
    if (failure instanceof BaseServerResponseException answer
        && !(answer instanceof InternalErrorException)) {
      String message = answer.getMessage();
      if (message != null && CLASS_NAME.matcher(message).find()) {
        return copyWithMessage(answer, withoutClassNames(message));
      }
      return null; // HAPI's answer as it is
    }
    boolean reachable = databaseReachable.getAsBoolean();
    if (!reachable) {
      lastOutage = System.nanoTime();
    }
    // A request that failed while the database was away may be answered the instant it is back
    // (seen: a search failed with "Connection refused", then the probe found the database).
    if (!reachable || System.nanoTime() - lastOutage < OUTAGE_AFTERMATH.toNanos()) {
      log.warn(
          "Database unreachable: {} {} answered 503",
          request.getRequestType(),
          request.getRequestPath());
      return unavailable(DATABASE_UNAVAILABLE);
    }
    String reference = UUID.randomUUID().toString();
    log.error(
        "Internal error {} on {} {}",
        reference,
        request.getRequestType(),
        request.getRequestPath(),
        failure);
    return new InternalErrorException(
        "The server failed to process this request; reference " + reference + " in its log.");
  }

  /** "60", "0.7": whole seconds plain, fractions as they are. */
  private static String seconds(Duration duration) {
    return java.math.BigDecimal.valueOf(duration.toMillis(), 3)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static boolean isClientError(Throwable failure) {
    return failure instanceof BaseServerResponseException answer
        && answer.getStatusCode() >= 400
        && answer.getStatusCode() < 500;
  }

  private static String withoutClassNames(String message) {
    return message == null ? "" : CLASS_NAME.matcher(message).replaceAll("");
  }

  private static BaseServerResponseException unavailable(String message) {
    UnclassifiedServerFailureException answer =
        new UnclassifiedServerFailureException(503, message);
    answer.addResponseHeader(Constants.HEADER_RETRY_AFTER, RETRY_AFTER_SECONDS);
    return answer;
  }

  static boolean databaseUnreachable(Throwable failure) {
    if (find(failure, SQLTransientConnectionException.class) != null
        || find(failure, CannotCreateTransactionException.class) != null) {
      return true;
    }
    // SQLSTATE class 08: connection exception (PostgreSQL gone, H2 closed).
    return hasSqlState(failure, state -> state.startsWith("08"));
  }

  private static boolean hasSqlState(Throwable failure, Predicate<String> state) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && state.test(sql.getSQLState())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static BaseServerResponseException copyWithMessage(
      BaseServerResponseException original, String message) {
    UnclassifiedServerFailureException copy =
        new UnclassifiedServerFailureException(original.getStatusCode(), message);
    if (original.getResponseHeaders() != null) {
      original
          .getResponseHeaders()
          .forEach((name, values) -> values.forEach(value -> copy.addResponseHeader(name, value)));
    }
    return copy;
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
