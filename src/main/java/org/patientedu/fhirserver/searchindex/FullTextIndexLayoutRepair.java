package org.patientedu.fhirserver.searchindex;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.hibernate.search.mapper.orm.Search;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * After Hibernate Search started on the cluster, before this node writes anything and before the
 * index is counted ({@link FullTextIndexRebuild}), makes sure HAPI's layout is whole: each index
 * behind its write and read aliases.
 *
 * <p>{@link StrayAliasIndexes} clears the cluster right before Hibernate Search starts, but the
 * nodes already running keep writing: one write in the seconds before Hibernate Search creates the
 * index makes OpenSearch create a plain {@code resourcetable-write} again. Hibernate Search then
 * takes that index for its own and creates nothing, and the read alias stays missing (seen in CI).
 * Here the stray index is deleted and Hibernate Search asked to create what is missing, a few times
 * if writes keep racing, until the layout holds; the documents lost with a stray index are in the
 * database and come back with the rebuild that follows.
 */
@Component
@Profile("opensearch")
@Order(-20)
class FullTextIndexLayoutRepair implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FullTextIndexLayoutRepair.class);
  private static final int ATTEMPTS = 5;

  private final OpenSearchProperties properties;
  private final EntityManagerFactory entityManagerFactory;

  FullTextIndexLayoutRepair(
      OpenSearchProperties properties, EntityManagerFactory entityManagerFactory) {
    this.properties = properties;
    this.entityManagerFactory = entityManagerFactory;
  }

  @Override
  public void run(ApplicationArguments args) {
    try {
      List<String> notInPlace = StrayAliasIndexes.aliasesNotInPlace(properties);
      for (int attempt = 1; !notInPlace.isEmpty(); attempt++) {
        if (attempt > ATTEMPTS) {
          throw new IllegalStateException(
              "The full-text index layout on OpenSearch is still broken after "
                  + ATTEMPTS
                  + " repairs (not aliases: "
                  + notInPlace
                  + "); is something else writing to these names?");
        }
        log.warn(
            "Full-text index aliases {} are not in place (a node wrote while this one started);"
                + " deleting stray indexes and creating the layout again",
            notInPlace);
        StrayAliasIndexes.remove(properties);
        Search.mapping(entityManagerFactory).scope(Object.class).schemaManager().createIfMissing();
        notInPlace = StrayAliasIndexes.aliasesNotInPlace(properties);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not check the full-text index layout on OpenSearch", e);
    }
  }
}
