package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The statement timeout set on every pooled connection is enforced by the database itself (a real
 * H2 and a real PostgreSQL), and a cancelled statement becomes a 503 that says why.
 */
@Tag("robustness")
class StatementTimeoutTest {

  private static final Duration TIMEOUT = Duration.ofMillis(500);

  @Test
  void h2CancelsAStatementThatRunsLongerAndTheClientIsTold503() throws Exception {
    try (HikariDataSource pool = pool("jdbc:h2:mem:timeout;DB_CLOSE_DELAY=-1", "sa", "")) {
      SQLException cancelled =
          runLong(
              pool,
              "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000) A, SYSTEM_RANGE(1, 100000) B WHERE A.X + B.X = 3");
      assertThat(cancelled.getSQLState()).isEqualTo("57014");
      assertAnswered503(cancelled);
    }
  }

  @Test
  void postgresCancelsAStatementThatRunsLongerAndTheClientIsTold503() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        HikariDataSource pool =
            pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres")) {
      SQLException cancelled = runLong(pool, "SELECT pg_sleep(30)");
      assertThat(cancelled.getSQLState()).isEqualTo("57014");
      assertAnswered503(cancelled);
    }
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setMaximumPoolSize(1);
    new StatementTimeout(() -> TIMEOUT).postProcessBeforeInitialization(pool, "dataSource");
    return pool;
  }

  private static SQLException runLong(HikariDataSource pool, String sql) throws SQLException {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement()) {
      return catchThrowableOfType(() -> statement.execute(sql), SQLException.class);
    }
  }

  private static void assertAnswered503(SQLException cancelled) {
    BaseServerResponseException answer =
        new FailureAnswers(Duration.ofSeconds(30), () -> true)
            .answer(
                new SystemRequestDetails(),
                new org.springframework.dao.QueryTimeoutException("wrapped", cancelled));
    assertThat(answer.getStatusCode()).isEqualTo(503);
    assertThat(answer.getMessage())
        .contains("longer than this server allows (30 s, setting edu.limits.statement-timeout)");
    assertThat(answer.getResponseHeaders()).containsKey("Retry-After");
  }
}
