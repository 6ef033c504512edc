package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.ServerProcess;

/**
 * The server on a real PostgreSQL (embedded from Maven, not H2 pretending), with two nodes starting
 * at the same moment on one database, as a hospital would run it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIT {

  private EmbeddedPostgres postgres;
  private ServerProcess nodeA;
  private ServerProcess nodeB;

  /**
   * Two JVMs started at the same moment, racing each other to create the schema and load the pack.
   */
  @BeforeAll
  void startPostgresAndTwoNodesAtOnce(@TempDir Path dataA, @TempDir Path dataB) throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    nodeA = node(dataA);
    nodeB = node(dataB);
    nodeA.awaitReady(Duration.ofMinutes(5));
    nodeB.awaitReady(Duration.ofMinutes(5));
  }

  @AfterAll
  void stop() throws Exception {
    if (nodeA != null) {
      nodeA.close();
    }
    if (nodeB != null) {
      nodeB.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  private ServerProcess node(Path dataDir) throws java.io.IOException {
    return ServerProcess.start(
        Map.of(
            "spring.profiles.active", "postgres",
            "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
            "spring.datasource.username", "postgres",
            "spring.datasource.password", "postgres",
            "edu.data-dir", dataDir.toString(),
            "edu.search-index.catch-up-interval", "2s",
            // each read answered from the cache is logged, so the test can tell a hit from a miss
            "logging.level.org.patientedu.fhirserver.readcache", "DEBUG"),
        dataDir.resolve("node.log"));
  }

  @Test
  void theSecondNodeWaitedForTheFirstToFinishStarting() throws Exception {
    String waiting =
        "Another node is starting on this database; waiting up to PT10M for it to finish";
    assertThat(List.of(nodeA.log(), nodeB.log()))
        .as("exactly one node found the other holding the start-up lock and waited")
        .filteredOn(log -> log.contains(waiting))
        .hasSize(1);
    assertThat(nodeA.log() + nodeB.log()).doesNotContain("starting anyway");
  }

  @Test
  void thePostgresServerIsVersion16() throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
      assertThat(connection.getMetaData().getDatabaseMajorVersion()).isEqualTo(16);
    }
  }

  @Test
  void twoNodesStartingTogetherLoadThePackOnceWithoutDuplicates() throws Exception {
    long packLibraries = countPackFiles("Library");
    assertThat(packLibraries).isPositive();
    assertThat(sqlCount("select count(*) from hfj_resource where res_type = 'Library'"))
        .isEqualTo(packLibraries);
    assertThat(sqlCount("select count(*) from hfj_res_ver where res_type = 'Library'"))
        .as("one version per Library: nobody loaded it twice")
        .isEqualTo(packLibraries);

    assertThat(nodeA.log() + nodeB.log())
        .as("the nodes took turns: no start-up write collided")
        .doesNotContain("duplicate key");

    Bundle viaB =
        nodeB
            .client()
            .search()
            .byUrl("Library?_summary=count")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(viaB.getTotal()).isEqualTo((int) packLibraries);
  }

  @Test
  void whatOneNodeWritesTheOtherReadsFromPostgres() throws Exception {
    Basic written = new Basic();
    written.setId("postgres-round-trip");
    written.setCode(new CodeableConcept().setText("written on node A"));
    nodeA.editorClient().update().resource(written).execute();

    Basic read =
        nodeB.client().read().resource(Basic.class).withId("postgres-round-trip").execute();
    assertThat(read.getCode().getText()).isEqualTo("written on node A");
    assertThat(
            sqlCount(
                "select count(*) from hfj_resource where res_type = 'Basic' and fhir_id = 'postgres-round-trip'"))
        .isEqualTo(1);
  }

  @Test
  void aNodeServingReadsFromItsCacheSeesAWriteMadeOnTheOtherNode() throws Exception {
    Binary rendition = new Binary();
    rendition.setId("postgres-cache");
    rendition.setContentType("text/plain");
    rendition.setData("first words".getBytes(StandardCharsets.UTF_8));
    nodeA.editorClient().update().resource(rendition).execute();
    String hitOnVersion1 = "Read cache hit: Binary/postgres-cache version 1";
    nodeB.client().read().resource(Binary.class).withId("postgres-cache").execute();
    assertThat(nodeB.log()).as("the first read went to HAPI").doesNotContain(hitOnVersion1);
    Binary cached = nodeB.client().read().resource(Binary.class).withId("postgres-cache").execute();
    assertThat(new String(cached.getData(), StandardCharsets.UTF_8)).isEqualTo("first words");
    assertThat(nodeB.log()).as("the second read came from node B's cache").contains(hitOnVersion1);

    rendition.setData("changed on node A".getBytes(StandardCharsets.UTF_8));
    nodeA.editorClient().update().resource(rendition).execute();

    Binary afterWrite =
        nodeB.client().read().resource(Binary.class).withId("postgres-cache").execute();
    assertThat(new String(afterWrite.getData(), StandardCharsets.UTF_8))
        .isEqualTo("changed on node A");
    assertThat(afterWrite.getMeta().getVersionId()).isEqualTo("2");
    assertThat(nodeB.log())
        .as("version 2 was read from PostgreSQL, not served as version 1 from the cache")
        .containsOnlyOnce(hitOnVersion1)
        .doesNotContain("Read cache hit: Binary/postgres-cache version 2");
  }

  @Test
  void fullTextSearchFindsThePackOnBothNodes() {
    // Only one node stored the pack; the other found it loaded and indexed it from the database.
    for (ServerProcess node : List.of(nodeA, nodeB)) {
      Bundle found =
          node.client()
              .search()
              .byUrl("Library?_content=prolactin")
              .returnBundle(Bundle.class)
              .execute();
      assertThat(found.getEntry())
          .extracting(e -> e.getResource().getIdElement().getIdPart())
          .contains("oxytocin-goaskalice");
    }
  }

  @Test
  void aWriteOnOneNodeIsFoundByFullTextOnTheOther() throws Exception {
    Basic written = new Basic();
    written.setId("postgres-full-text");
    written.setCode(new CodeableConcept().setText("zanzibarite handout"));
    nodeA.editorClient().update().resource(written).execute();

    assertThat(awaitHits(nodeB, "Basic?_content=zanzibarite", 1))
        .as("node B's index caught up with node A's write")
        .isEqualTo(1);

    nodeA.editorClient().delete().resourceById("Basic", "postgres-full-text").execute();
    assertThat(awaitHits(nodeB, "Basic?_content=zanzibarite", 0))
        .as("and no longer finds it once node A deleted it")
        .isZero();
  }

  /**
   * Searches every half second, for up to a minute, until the search finds {@code expected}
   * resources.
   */
  private static int awaitHits(ServerProcess node, String search, int expected)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(60);
    int found;
    do {
      Thread.sleep(500);
      found =
          node.client()
              .search()
              .byUrl(search)
              .returnBundle(Bundle.class)
              .execute()
              .getEntry()
              .size();
    } while (found != expected && Instant.now().isBefore(deadline));
    return found;
  }

  @Test
  void searchesRunOnPostgres() {
    Bundle drafts =
        nodeA
            .client()
            .search()
            .forResource(Library.class)
            .where(Library.STATUS.exactly().code("draft"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(drafts.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        // Go Ask Alice too: its "Last reviewed on" names no clinician (issue 9)
        .containsExactlyInAnyOrder(
            "oxytocin-goaskalice", "oxytocin-perexp", "oxytocin-noigroup", "oxytocin-loveandlife");
    assertThat(drafts.getEntry())
        .allSatisfy(
            e -> assertThat(((Library) e.getResource()).getStatus().toCode()).isEqualTo("draft"));
  }

  private long sqlCount(String sql) throws Exception {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static long countPackFiles(String type) throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("fhir-resources"))) {
      return files
          .filter(p -> p.toString().endsWith(".json"))
          .filter(
              p ->
                  readQuietly(p).contains("\"resourceType\": \"" + type + "\"")
                      || readQuietly(p).contains("\"resourceType\":\"" + type + "\""))
          .count();
    }
  }

  private static String readQuietly(Path path) {
    try {
      return Files.readString(path);
    } catch (Exception e) {
      return "";
    }
  }
}
