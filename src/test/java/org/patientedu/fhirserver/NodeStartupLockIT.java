package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The start-up lock on a real PostgreSQL: one node at a time, and a dead node does not block the
 * rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Isolated("the lock's waits are measured in fractions of a second")
class NodeStartupLockIT {

  private EmbeddedPostgres postgres;
  private DataSource database;

  @BeforeAll
  void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    database = postgres.getPostgresDatabase();
  }

  @AfterAll
  void stopPostgres() throws Exception {
    postgres.close();
  }

  @Test
  void aSecondNodeWaitsWhileTheFirstStartsAndGoesOnOnceItIsReady() {
    NodeStartupLock first = new NodeStartupLock(Duration.ofSeconds(1));
    NodeStartupLock second = new NodeStartupLock(Duration.ofSeconds(1));

    assertThat(first.acquire(database)).isTrue();
    Instant before = Instant.now();
    assertThat(second.acquire(database))
        .as("the lock is taken: the second node gives up after its wait")
        .isFalse();
    assertThat(Duration.between(before, Instant.now()))
        .as("it did wait")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));

    first.release();
    assertThat(second.acquire(database)).isTrue();
    second.release();
    assertThat(second.holdsLock()).isFalse();
  }

  @Test
  void aNodeThatDiesMidStartReleasesTheLockWithItsConnection() throws Exception {
    Connection deadNodesSession = database.getConnection();
    try (var lock = deadNodesSession.prepareStatement("select pg_advisory_lock(?)")) {
      lock.setLong(1, NodeStartupLock.LOCK_KEY);
      lock.execute();
    }
    NodeStartupLock survivor = new NodeStartupLock(Duration.ofMillis(600));
    assertThat(survivor.acquire(database)).isFalse();

    deadNodesSession.close();
    assertThat(survivor.acquire(database)).isTrue();
    survivor.release();
  }

  @Test
  void onH2ThereIsNoLockToTake() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:startup-lock");
    NodeStartupLock lock = new NodeStartupLock(Duration.ofSeconds(1));
    assertThat(lock.acquire(h2)).isFalse();
    assertThat(lock.holdsLock()).isFalse();
  }
}
