package org.patientedu.fhirserver.searchindex;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.dao.BaseHapiFhirDao;
import ca.uhn.fhir.jpa.dao.IJpaStorageResourceParser;
import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.work.SearchIndexingPlan;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.patientedu.fhirserver.FhirServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The full-text index ({@code _content}, {@code _text}) is a Lucene index in each node's data
 * directory, written by HAPI only for the node's own writes. With several nodes on one PostgreSQL,
 * or a node whose data directory is new, the local index misses what others wrote. This brings it
 * up to date from the shared database: at start-up (before the node is ready) and then every {@code
 * edu.search-index.catch-up-interval}, it indexes every resource updated since the last pass, and
 * drops deleted ones. Only the local index is written, never the database.
 *
 * <p>Each pass looks back {@value #OVERLAP_SECONDS} s further than the last one, so that a write
 * whose transaction was still open during the last pass, or stamped by a node whose clock is a
 * little behind, is not missed. Where the index stands is kept in a file next to it, so a restart
 * resumes, and a fresh index starts from the beginning.
 */
@Component
@Order(20)
public class FullTextIndexCatchUp implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FullTextIndexCatchUp.class);
  static final long OVERLAP_SECONDS = 60;
  private static final int BATCH = 200;
  private static final String WATERMARK_FILE = "caught-up-to";

  @PersistenceContext private EntityManager entityManager;

  private final TransactionTemplate transactions;
  private final IJpaStorageResourceParser storageParser;
  private final FhirContext fhirContext;
  private final Clock clock;
  private final Path watermarkFile;

  FullTextIndexCatchUp(
      PlatformTransactionManager transactionManager,
      IJpaStorageResourceParser storageParser,
      FhirContext fhirContext,
      FhirServerProperties properties) {
    this.transactions = new TransactionTemplate(transactionManager);
    this.storageParser = storageParser;
    this.fhirContext = fhirContext;
    // The database's timestamps are real time, whatever clock the review policy runs on.
    this.clock = Clock.systemUTC();
    this.watermarkFile = properties.dataDir().resolve("lucene").resolve(WATERMARK_FILE);
  }

  @Override
  public void run(ApplicationArguments args) {
    int indexed = catchUp();
    log.info("Full-text index caught up with the database: {} resources (re)indexed", indexed);
  }

  @Scheduled(
      fixedDelayString = "${edu.search-index.catch-up-interval:30s}",
      initialDelayString = "${edu.search-index.catch-up-interval:30s}")
  public void scheduledCatchUp() {
    int indexed = catchUp();
    if (indexed > 0) {
      log.debug("Full-text index: {} resources (re)indexed from the database", indexed);
    }
  }

  /** Returns how many resources were indexed or dropped. */
  public synchronized int catchUp() {
    Instant passStarted = clock.instant();
    Instant since = readWatermark().minusSeconds(OVERLAP_SECONDS);
    // The set to index is fixed first; whatever changes during the pass is newer than passStarted
    // and falls to the next pass.
    List<Long> changed =
        transactions.execute(
            status ->
                entityManager
                    .createQuery(
                        "select r.myPid.myId from ResourceTable r where r.myUpdated > :since",
                        Long.class)
                    .setParameter("since", Date.from(since))
                    .getResultList());
    for (int from = 0; from < changed.size(); from += BATCH) {
      List<Long> batch = changed.subList(from, Math.min(from + BATCH, changed.size()));
      transactions.executeWithoutResult(
          status -> {
            SearchIndexingPlan plan = Search.session(entityManager).indexingPlan();
            entityManager
                .createQuery(
                    "select r from ResourceTable r where r.myPid.myId in :ids", ResourceTable.class)
                .setParameter("ids", batch)
                .getResultList()
                .forEach(entity -> reindex(entity, plan));
          });
    }
    writeWatermark(passStarted);
    return changed.size();
  }

  private void reindex(ResourceTable entity, SearchIndexingPlan plan) {
    if (entity.getDeleted() != null) {
      plan.delete(entity);
      return;
    }
    IBaseResource resource = storageParser.toResource(entity, false);
    // The same words HAPI indexes when it stores a resource itself.
    entity.setContentText(BaseHapiFhirDao.parseContentTextIntoWords(fhirContext, resource));
    entity.setNarrativeText(narrativeWords(resource));
    plan.addOrUpdate(entity);
  }

  private static String narrativeWords(IBaseResource resource) {
    if (resource instanceof DomainResource domain
        && domain.hasText()
        && domain.getText().hasDiv()) {
      StringBuilder words = new StringBuilder();
      appendText(domain.getText().getDiv(), words);
      return words.toString();
    }
    return null;
  }

  /**
   * Every text node, with a space between, so words in adjacent elements stay apart (as HAPI does).
   */
  private static void appendText(XhtmlNode node, StringBuilder words) {
    if (node.getNodeType() == NodeType.Text && node.getContent() != null) {
      words.append(node.getContent()).append(' ');
    }
    for (XhtmlNode child : node.getChildNodes()) {
      appendText(child, words);
    }
  }

  private Instant readWatermark() {
    try {
      return Files.exists(watermarkFile)
          ? Instant.parse(Files.readString(watermarkFile).trim())
          : Instant.EPOCH;
    } catch (IOException | RuntimeException unreadable) {
      log.warn(
          "Cannot read {} ({}); indexing everything again", watermarkFile, unreadable.getMessage());
      return Instant.EPOCH;
    }
  }

  private void writeWatermark(Instant caughtUpTo) {
    try {
      Files.createDirectories(watermarkFile.getParent());
      Path temp = watermarkFile.resolveSibling(WATERMARK_FILE + ".tmp");
      Files.writeString(temp, caughtUpTo.toString());
      Files.move(
          temp, watermarkFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot record where the full-text index stands in " + watermarkFile, e);
    }
  }
}
