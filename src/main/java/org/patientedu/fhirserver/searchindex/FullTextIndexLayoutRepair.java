package org.patientedu.fhirserver.searchindex;

import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.search.backend.elasticsearch.schema.management.ElasticsearchIndexSchemaExport;
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
 * Deleting the stray index and asking Hibernate Search to create the layout again loses the same
 * race (seen: a write lands between the two requests). So the layout is restored without a gap: the
 * index is created from the schema Hibernate Search expects (its own export), and one atomic alias
 * request removes the stray index and puts the aliases in its place. The documents lost with the
 * stray index are in the database and come back with the rebuild that follows.
 */
@Component
@Profile("opensearch")
@Order(-20)
class FullTextIndexLayoutRepair implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(FullTextIndexLayoutRepair.class);

  /** An attempt fails only when a write recreates a stray index within one request's time. */
  private static final int ATTEMPTS = 10;

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
                + " putting HAPI's layout back",
            notInPlace);
        StrayAliasIndexes.restoreLayout(properties, expectedCreateIndexBodies());
        notInPlace = StrayAliasIndexes.aliasesNotInPlace(properties);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not check the full-text index layout on OpenSearch", e);
    }
  }

  /** Hibernate Search's create-index request body (settings, mappings, aliases) per index. */
  private Map<String, String> expectedCreateIndexBodies() {
    Map<String, String> bodies = new TreeMap<>();
    Search.mapping(entityManagerFactory)
        .scope(Object.class)
        .schemaManager()
        .exportExpectedSchema(
            (backend, index, export) ->
                bodies.put(
                    index,
                    ((ElasticsearchIndexSchemaExport) export).bodyParts().get(0).toString()));
    return bodies;
  }
}
