package org.patientedu.fhirserver.searchindex;

import ca.uhn.fhir.jpa.model.entity.EntityIndexStatusEnum;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import ca.uhn.fhir.jpa.search.reindex.IResourceReindexingSvc;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Before a node takes traffic, checks that the full-text index holds what the database says it
 * should: one document per resource that is not deleted and that HAPI indexed. An index that is new
 * (a fresh data directory, a new OpenSearch cluster), that lost documents (a deleted index, a crash
 * before the index committed) or that holds documents the database lost (a restored backup) is
 * rebuilt from the database (emptied first in the last case) with HAPI's own reindexing, and the
 * node waits for it. Both backends are checked the same way.
 *
 * <p>The reindexing is HAPI's resource reindexing service ({@link IResourceReindexingSvc}, what
 * {@code $mark-all-resources-for-reindexing} used), deprecated but still shipped, because it is the
 * one that writes the full-text document of every resource. The newer {@code $reindex} batch job
 * writes it only for resources whose search indexes changed (hapifhir/hapi-fhir#5864; measured
 * here: 5 of 22 documents back after a deleted index), and Hibernate Search's mass indexer alone
 * would write documents without their text, which HAPI computes only while it stores or reindexes.
 *
 * <p>Runs after the server's conformance resources are installed and before the content pack loads,
 * so the pack load (which HAPI indexes as it writes) is not counted as missing. On PostgreSQL nodes
 * take turns starting (see {@code NodeStartupLock}), so two nodes do not rebuild at once.
 */
@Component
@Order(-5)
@SuppressWarnings("deprecation") // IResourceReindexingSvc, chosen on purpose (see above)
class FullTextIndexRebuild implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FullTextIndexRebuild.class);
  private static final int MAX_PASSES_WITHOUT_PROGRESS = 3;

  @PersistenceContext private EntityManager entityManager;

  private final TransactionTemplate transactions;
  private final IResourceReindexingSvc reindexing;

  FullTextIndexRebuild(
      PlatformTransactionManager transactionManager, IResourceReindexingSvc reindexing) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.reindexing = reindexing;
  }

  @Override
  public void run(ApplicationArguments args) {
    long inDatabase = indexedResourcesInDatabase();
    long inIndex = documentsInIndex();
    if (inIndex == inDatabase) {
      log.info("Full-text index is complete: {} documents, as in the database", inIndex);
      return;
    }
    log.warn(
        "Full-text index holds {} documents but the database has {} indexed resources;"
            + " rebuilding it from the database with HAPI's reindexing",
        inIndex,
        inDatabase);
    Instant started = Instant.now();
    if (inIndex > inDatabase) {
      // Documents of resources the database no longer has (a crash that lost writes, a restored
      // backup) would stay through a reindex, and full text would count matches it cannot show.
      // Emptied only then: on a shared index other nodes answer from it meanwhile.
      transactions.executeWithoutResult(
          status -> Search.session(entityManager).workspace(ResourceTable.class).purge());
    }
    reindexing.markAllResourcesForReindexing();
    long reindexed = 0;
    int passesWithoutProgress = 0;
    while (reindexing.countReindexJobs() > 0) {
      int pass = reindexing.forceReindexingPass();
      reindexed += pass;
      if (pass == 0 && ++passesWithoutProgress > MAX_PASSES_WITHOUT_PROGRESS) {
        throw new IllegalStateException(
            "Rebuilding the full-text index made no progress after "
                + reindexed
                + " resources; see HAPI's reindexing messages above");
      }
    }
    log.info(
        "Full-text index rebuilt in {} ms: {} resources reindexed; the index now holds {}"
            + " documents, the database {} indexed resources",
        Duration.between(started, Instant.now()).toMillis(),
        reindexed,
        documentsInIndex(),
        indexedResourcesInDatabase());
  }

  /** What HAPI's index routing keeps in the index: resources not deleted, indexed in full. */
  long indexedResourcesInDatabase() {
    return transactions.execute(
        status ->
            entityManager
                .createQuery(
                    "select count(r) from ResourceTable r"
                        + " where r.myDeleted is null and r.myIndexStatus = :indexed",
                    Long.class)
                .setParameter("indexed", EntityIndexStatusEnum.INDEXED_ALL)
                .getSingleResult());
  }

  /**
   * After a refresh, so that writes acknowledged but not yet searchable (OpenSearch makes them so
   * every second) are counted. A write another node commits during the check may still be missed;
   * the price is one needless rebuild.
   */
  long documentsInIndex() {
    return transactions.execute(
        status -> {
          SearchSession session = Search.session(entityManager);
          session.workspace(ResourceTable.class).refresh();
          return session.search(ResourceTable.class).where(f -> f.matchAll()).fetchTotalHitCount();
        });
  }
}
