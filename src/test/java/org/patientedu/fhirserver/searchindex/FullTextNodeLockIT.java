package org.patientedu.fhirserver.searchindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patientedu.fhirserver.searchindex.FullTextNodeLock.Index;

/**
 * The full-text node lock on a real PostgreSQL: nodes on the shared OpenSearch index start side by
 * side, a node with a local Lucene index only alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FullTextNodeLockIT {

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
  void nodesOnTheSharedIndexStartSideBySide() {
    FullTextNodeLock first = new FullTextNodeLock(Index.SHARED);
    FullTextNodeLock second = new FullTextNodeLock(Index.SHARED);
    try {
      assertThat(first.acquire(database)).isTrue();
      assertThat(second.acquire(database)).isTrue();
    } finally {
      first.destroy();
      second.destroy();
    }
  }

  @Test
  void aNodeWithALocalIndexIsRefusedBesideAnOpenSearchNode() {
    FullTextNodeLock openSearchNode = new FullTextNodeLock(Index.SHARED);
    openSearchNode.acquire(database);
    try {
      assertThatThrownBy(() -> new FullTextNodeLock(Index.LOCAL).acquire(database))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Refusing to start: another node is running on this database")
          .hasMessageContaining("need the opensearch profile on every node");
    } finally {
      openSearchNode.destroy();
    }
    FullTextNodeLock alone = new FullTextNodeLock(Index.LOCAL);
    assertThat(alone.acquire(database))
        .as("once the OpenSearch node has stopped, the local-index node starts")
        .isTrue();
    alone.destroy();
  }

  @Test
  void noNodeStartsBesideANodeWithALocalIndex() {
    FullTextNodeLock localIndexNode = new FullTextNodeLock(Index.LOCAL);
    localIndexNode.acquire(database);
    try {
      assertThatThrownBy(() -> new FullTextNodeLock(Index.SHARED).acquire(database))
          .hasMessageStartingWith(
              "Refusing to start: a node with a local Lucene full-text index is running");
      assertThatThrownBy(() -> new FullTextNodeLock(Index.LOCAL).acquire(database))
          .hasMessageStartingWith("Refusing to start: another node is running on this database");
    } finally {
      localIndexNode.destroy();
    }
  }

  @Test
  void onH2ThereIsNoLockToTake() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:full-text-node-lock");
    assertThat(new FullTextNodeLock(Index.LOCAL).acquire(h2)).isFalse();
  }
}
