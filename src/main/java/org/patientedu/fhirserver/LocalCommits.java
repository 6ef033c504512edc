package org.patientedu.fhirserver;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * The transactions this node has committed, counted. On a node that is the only one writing to its
 * database (one with a local full-text index: the node lock keeps it alone on PostgreSQL, and H2's
 * file lock keeps it alone on H2), nothing in the store changes while the count stands, so an
 * answer read from the database stays true until the count moves: the read caches then need not ask
 * the database again on every request. Nodes that share a database are not {@link #soleWriter()
 * sole writers}: another node's write does not move this count.
 *
 * <p>Counted in the transaction manager every write to HAPI's tables goes through (HAPI's and the
 * project's), after the commit, every commit (read-only ones too: counting one too many only costs
 * a lookup). The project's own ledgers written outside it (token ids, issued cards) are not read by
 * the caches.
 */
public final class LocalCommits {

  private final boolean soleWriter;
  private final AtomicLong count = new AtomicLong();

  public LocalCommits(boolean soleWriter) {
    this.soleWriter = soleWriter;
  }

  /** Whether no other process writes to this node's database. */
  public boolean soleWriter() {
    return soleWriter;
  }

  /** Read before asking the database: an answer it gives is true while this still holds. */
  public long count() {
    return count.get();
  }

  /** Spring's JPA transaction manager, counting each commit once it is done. */
  JpaTransactionManager countingTransactionManager() {
    return new JpaTransactionManager() {
      @Override
      protected void doCommit(DefaultTransactionStatus status) {
        try {
          super.doCommit(status);
        } finally {
          // Also when the commit failed: whether it wrote is then unknown.
          count.incrementAndGet();
        }
      }
    };
  }
}
