package org.patientedu.fhirserver.searchindex;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.patientedu.fhirserver.AdvisoryLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Refuses to start a node whose full-text index cannot be right on a shared PostgreSQL. A node with
 * a local Lucene index indexes only its own writes, so next to another node its {@code _content}
 * answers would silently miss what the other wrote. So, for the node's whole life, a node with a
 * local index holds a PostgreSQL advisory lock exclusively, and a node on the shared OpenSearch
 * index holds the same lock shared: any number of OpenSearch nodes start together, but a
 * local-index node starts only alone, and nothing starts beside it.
 *
 * <p>Taken when the DataSource is ready, before any schema or content work, and held until shutdown
 * ({@link AdvisoryLock}: if the node dies, PostgreSQL drops it; none on H2).
 */
final class FullTextNodeLock implements BeanPostProcessor, DisposableBean {

  /** Any fixed number, the same on every node (advisory locks are keyed by a bigint). */
  static final long LOCK_KEY = 0x70617469656e7446L; // "patientF"

  enum Index {
    /** Lucene in the data directory: this node must be the only one on its database. */
    LOCAL,
    /** One index on OpenSearch for every node. */
    SHARED
  }

  private static final Logger log = LoggerFactory.getLogger(FullTextNodeLock.class);

  private final Index index;
  private final AdvisoryLock lock;
  private boolean tried;

  FullTextNodeLock(Index index) {
    this.index = index;
    this.lock =
        new AdvisoryLock(
            LOCK_KEY,
            index == Index.LOCAL ? AdvisoryLock.Mode.EXCLUSIVE : AdvisoryLock.Mode.SHARED,
            "full-text node lock");
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !tried) {
      tried = true;
      acquire(dataSource);
    }
    return bean;
  }

  /** A local index: no other node runs on this database while this one does. */
  boolean aloneOnItsDatabase() {
    return index == Index.LOCAL;
  }

  /** Takes the lock or throws, which stops start-up. Returns whether a lock was needed. */
  synchronized boolean acquire(DataSource dataSource) {
    try {
      if (!lock.connect(dataSource)) {
        return false;
      }
      if (!lock.tryLock()) {
        lock.release();
        throw new IllegalStateException(refusal());
      }
      log.info(
          index == Index.LOCAL
              ? "Full text: local index; this is the only node on this database"
              : "Full text: shared OpenSearch index; other nodes with the opensearch profile may"
                  + " share this database");
      return true;
    } catch (SQLException e) {
      lock.release();
      throw new IllegalStateException(
          "Could not take the full-text node lock on the database: " + e.getMessage(), e);
    }
  }

  private String refusal() {
    String reason =
        index == Index.LOCAL
            ? "another node is running on this database, and this node's full-text index is a"
                + " local Lucene index that would miss what the other node writes."
            : "a node with a local Lucene full-text index is running on this database; it would"
                + " miss what this node writes.";
    return "Refusing to start: "
        + reason
        + " Several nodes on one database need the opensearch profile on every node (see"
        + " README, Several nodes). Nodes holding the lock: select pid, client_addr from"
        + " pg_locks join pg_stat_activity using (pid) where locktype = 'advisory' and objid = "
        + (int) LOCK_KEY
        + ";";
  }

  /** At shutdown: the pool keeps the connection's session open, so unlock explicitly. */
  @Override
  public void destroy() {
    lock.release();
  }
}
