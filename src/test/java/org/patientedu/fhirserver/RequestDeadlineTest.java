package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The request deadline stops the database work of a request that runs out of time, on a real H2 and
 * a real PostgreSQL: the statement running at the deadline is cancelled by the database (SQLSTATE
 * 57014), a statement the request tries afterwards never reaches the database, and the client is
 * told 503 naming the setting. No statement timeout is set on these pools, so what stops the
 * statement is the deadline alone.
 */
@Tag("robustness")
class RequestDeadlineTest {

  private static final Duration DEADLINE = Duration.ofMillis(700);

  @Test
  void h2StatementRunningAtTheDeadlineIsCancelledAndLaterOnesRefused() throws Exception {
    try (HikariDataSource pool = pool("jdbc:h2:mem:deadline;DB_CLOSE_DELAY=-1", "sa", "")) {
      assertCancelledThenRefused(
          DeadlineStatements.watching(pool),
          // 10^10 rows to join: minutes of work, and H2 checks for cancellation while it runs
          "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) A, SYSTEM_RANGE(1, 100000) B"
              + " WHERE A.X + B.X = 3");
    }
  }

  @Test
  void postgresStatementRunningAtTheDeadlineIsCancelledAndLaterOnesRefused() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        HikariDataSource pool =
            pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
      assertCancelledThenRefused(DeadlineStatements.watching(pool), "SELECT pg_sleep(60)");
    }
  }

  @Test
  void aRequestWithinItsDeadlineRunsItsStatements() throws Exception {
    try (HikariDataSource pool = pool("jdbc:h2:mem:in-time;DB_CLOSE_DELAY=-1", "sa", "")) {
      DataSource watched = DeadlineStatements.watching(pool);
      AtomicReference<Long> answer = new AtomicReference<>();
      runAsRequest(
          Duration.ofSeconds(30),
          () -> {
            try (Connection connection = watched.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                    statement.executeQuery("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 7)")) {
              rows.next();
              answer.set(rows.getLong(1));
            }
          });
      assertThat(answer.get()).isEqualTo(7L);
    }
  }

  private static void assertCancelledThenRefused(DataSource watched, String longSql)
      throws Exception {
    try (Connection setup = watched.getConnection();
        Statement statement = setup.createStatement()) {
      statement.execute("CREATE TABLE written (id INT)");
    }
    AtomicReference<Throwable> longOne = new AtomicReference<>();
    AtomicReference<Throwable> later = new AtomicReference<>();
    AtomicReference<BaseServerResponseException> answer = new AtomicReference<>();
    long started = System.nanoTime();
    runAsRequest(
        DEADLINE,
        () -> {
          try (Connection connection = watched.getConnection();
              Statement statement = connection.createStatement()) {
            longOne.set(catchThrowable(() -> statement.execute(longSql)));
            later.set(
                catchThrowable(() -> statement.executeUpdate("INSERT INTO written VALUES (1)")));
          }
          answer.set(
              new FailureAnswers(Duration.ofSeconds(30), () -> true)
                  .answer(new SystemRequestDetails(), longOne.get()));
        });
    System.out.printf(
        "RequestDeadlineTest: statement cancelled %d ms after the request started (deadline %d"
            + " ms)%n",
        Duration.ofNanos(System.nanoTime() - started).toMillis(), DEADLINE.toMillis());

    assertThat(longOne.get()).isInstanceOf(SQLException.class);
    assertThat(((SQLException) longOne.get()).getSQLState()).isEqualTo("57014");
    assertThat(later.get()).isInstanceOf(RequestDeadline.RequestDeadlineExceeded.class);
    try (Connection connection = watched.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM written")) {
      rows.next();
      assertThat(rows.getLong(1)).as("the refused INSERT never reached the database").isZero();
    }
    assertThat(answer.get().getStatusCode()).isEqualTo(503);
    assertThat(answer.get().getMessage())
        .isEqualTo(
            "The request took longer than this server allows (0.7 s, setting"
                + " edu.limits.request-deadline), so its database work was cancelled. Narrow the"
                + " search, or try again when the server is less busy.");
  }

  interface RequestWork {
    void run() throws Exception;
  }

  /** The work as the FHIR servlet would do it, behind the deadline filter. */
  private static void runAsRequest(Duration deadline, RequestWork work) throws Exception {
    RequestDeadlineFilter filter = new RequestDeadlineFilter(deadline);
    try {
      filter.doFilter(
          new MockHttpServletRequest("GET", "/fhir/Library"),
          new MockHttpServletResponse(),
          (request, response) -> {
            try {
              work.run();
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
    } finally {
      filter.destroy();
    }
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(2);
    return pool;
  }
}
