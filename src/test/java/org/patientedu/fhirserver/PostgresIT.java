package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.testing.OpenSearchNode;
import org.patientedu.testing.ServerProcess;
import org.patientedu.testing.SmartTestClients;
import org.patientedu.testing.SmartTokens;
import org.patientedu.testing.TestLibraries;

/**
 * Several nodes on a real PostgreSQL (embedded from Maven, not H2 pretending) sharing one full-text
 * index on a real OpenSearch 2.19 node (also from Maven), as a hospital group would run them: every
 * node with the profiles {@code postgres,opensearch}, two of them starting at the same moment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresIT {

  /**
   * The requirement for a write on one node to be found by full text on another. The class
   * runs beside another (pom.xml, it.parallel): the write was found in 425 ms at load average 20.
   */
  private static final Duration FULL_TEXT_DEADLINE = Duration.ofSeconds(2);

  /**
   * How long the store must hold still before a page is kept: edu.read-cache.settle's default,
   * which these nodes keep, as OpenSearch shows a change only after a refresh.
   */
  private static final Duration PAGE_SETTLE = Duration.ofSeconds(5);

  private Path work;
  private OpenSearchNode openSearch;
  private EmbeddedPostgres postgres;
  private ServerProcess nodeA;
  private ServerProcess nodeB;

  /**
   * Two JVMs started at the same moment, racing each other to create the schema and load the pack.
   */
  @BeforeAll
  void startPostgresOpenSearchAndTwoNodesAtOnce(@TempDir Path work) throws Exception {
    this.work = work;
    postgres = EmbeddedPostgres.builder().start();
    openSearch = OpenSearchNode.start(work.resolve("opensearch"), Duration.ofMinutes(3));
    System.out.printf(
        "PostgresIT: the OpenSearch test node answered %d ms after launch%n",
        openSearch.startup().toMillis());
    nodeA = node("a", "postgres,opensearch");
    nodeB = node("b", "postgres,opensearch");
    // B waits for A to finish starting (nodes take turns), so give a slow machine time for both.
    nodeA.awaitReady(Duration.ofMinutes(10));
    nodeB.awaitReady(Duration.ofMinutes(10));
  }

  @AfterAll
  void stop() throws Exception {
    for (AutoCloseable running : new AutoCloseable[] {nodeA, nodeB, postgres, openSearch}) {
      if (running != null) {
        running.close();
      }
    }
  }

  private ServerProcess node(String name, String profiles) throws IOException {
    return node(name, profiles, Map.of());
  }

  private ServerProcess node(String name, String profiles, Map<String, String> moreProperties)
      throws IOException {
    Path dataDir = Files.createDirectories(work.resolve(name));
    Map<String, String> properties =
        new HashMap<>(
            Map.of(
                "spring.profiles.active",
                profiles,
                "spring.datasource.url",
                postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username",
                "postgres",
                "spring.datasource.password",
                "postgres",
                "edu.opensearch.url",
                openSearch.url(),
                "edu.data-dir",
                dataDir.toString(),
                // each read answered from the cache is logged, so the test can tell a hit from a
                // miss
                "logging.level.org.patientedu.fhirserver.readcache",
                "DEBUG",
                // each Infobutton answer rendered (not replayed) is logged, likewise
                "logging.level.org.patientedu.infobutton.AnswerCache",
                "DEBUG",
                // each handout or catalog page answered from the page cache is logged, likewise
                "logging.level.org.patientedu.handouts.HandoutPageCache",
                "DEBUG",
                "edu.handouts.public-base-url",
                "https://education.example.org"));
    properties.putAll(SmartTestClients.properties());
    properties.putAll(moreProperties);
    return ServerProcess.start(properties, dataDir.resolve("node.log"));
  }

  @Test
  void aTokenIssuedByOneNodeIsAcceptedByTheOther() throws Exception {
    // Both nodes sign and check with the key kept in their shared database.
    String token =
        SmartTokens.accessToken(nodeA.baseUrl(), SmartTestClients.EDITOR, "system/Library.rs");
    Bundle viaB =
        nodeB
            .client()
            .search()
            .byUrl("Library?_summary=count")
            .withAdditionalHeader("Authorization", "Bearer " + token)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(viaB.getTotal()).isEqualTo((int) countPackFiles("Library"));
    assertThatThrownBy(
            () ->
                nodeB
                    .client()
                    .search()
                    .byUrl("AuditEvent")
                    .withAdditionalHeader("Authorization", "Bearer " + token)
                    .returnBundle(Bundle.class)
                    .execute())
        .as("node B applies the token's scopes: no audit scope, no AuditEvents")
        .isInstanceOf(ForbiddenOperationException.class);
  }

  @Test
  void theSecondNodeWaitedForTheFirstToFinishStarting() throws Exception {
    String waiting =
        "Another node is starting on this database; waiting up to PT10M for it to finish";
    List<String> logs = List.of(nodeA.log(), nodeB.log());
    List<String> waited = logs.stream().filter(log -> log.contains(waiting)).toList();
    assertThat(waited)
        .as("exactly one node found the other holding the start-up lock and waited")
        .hasSize(1);
    assertThat(logs).noneMatch(log -> log.contains("starting anyway"));
    // A node that starts after another found the index complete: nothing to rebuild.
    assertThat(waited.get(0))
        .contains("Full-text index is complete")
        .doesNotContain("Full-text index rebuilt");
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
    // The pack's Libraries: the pages this class's own tests store are named postgres-*.
    String packLibrary = "res_type = 'Library' and fhir_id not like 'postgres-%'";
    assertThat(sqlCount("select count(*) from hfj_resource where " + packLibrary))
        .isEqualTo(packLibraries);
    assertThat(
            sqlCount(
                "select count(*) from hfj_res_ver where res_id in (select res_id from hfj_resource"
                    + " where "
                    + packLibrary
                    + ")"))
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
        nodeB.editorClient().read().resource(Basic.class).withId("postgres-round-trip").execute();
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
    assertThat(nodeB.log()).as("the second read came from node B's cache").contains(hitOnVersion1);
    assertThat(new String(cached.getData(), StandardCharsets.UTF_8)).isEqualTo("first words");

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
  void aNodeReplayingInfobuttonAnswersSeesAnApprovalMadeOnTheOtherNode() throws Exception {
    String lactation =
        "/infobutton?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=Z39.1"
            + "&knowledgeResponseType=application/json";
    String before = okBody(nodeB, lactation);
    assertThat(okBody(nodeB, lactation)).isEqualTo(before);
    assertThat(nodeB.log().lines().filter(l -> l.contains("Infobutton answer rendered")))
        .as("node B rendered the answer once and replayed it")
        .hasSize(1);
    assertThat(before).contains("/handouts/oxytocin-healthwise");

    Library page = TestLibraries.draft("postgres-infobutton", "Two nodes", "Approved on A.");
    ContextElements.addUseContexts(
        page,
        List.of(
            new ContextTag(
                ClinicalContext.LACTATION,
                ContextTag.Relevance.PRIMARY,
                List.of(ClinicalContext.LACTATION.code("icd-10-cm:Z39.1")),
                "Two nodes")));
    nodeA.editorClient().update().resource(page).execute();
    try {
      assertThat(okBody(nodeB, lactation)).doesNotContain("/handouts/postgres-infobutton");
      Parameters review = new Parameters();
      review.addParameter("reviewerName", new StringType("Maria Lopez"));
      review.addParameter("credentials", new StringType("MD"));
      review.addParameter("specialty", new StringType("Obstetrics and Gynecology"));
      review.addParameter("date", new DateType(LocalDate.now().toString()));
      for (String step : List.of("$review", "$approve")) {
        nodeA
            .editorClient()
            .operation()
            .onInstance(new IdType("Library", "postgres-infobutton"))
            .named(step)
            .withParameters(step.equals("$review") ? review : new Parameters())
            .returnResourceType(Library.class)
            .execute();
      }
      assertThat(okBody(nodeB, lactation))
          .as("approved on node A, in node B's next answer")
          .contains("/handouts/postgres-infobutton");
    } finally {
      nodeA.editorClient().delete().resourceById("Library", "postgres-infobutton").execute();
    }
    assertThat(okBody(nodeB, lactation)).isEqualTo(before);
  }

  /**
   * Node B answers a handout and a catalog search from its page cache; node A edits the page and
   * node B's next answers show it: the page at once, the catalog's full-text filter as soon as
   * OpenSearch has the change, never a page rendered in between kept under the new fingerprint.
   */
  @Test
  void aNodeReplayingHandoutPagesSeesAnEditMadeOnTheOtherNode() throws Exception {
    String handout = "/handouts/postgres-page";
    String catalog = "/?q=quillwortian";
    Library page = TestLibraries.draft("postgres-page", "Two nodes first title", "Edited on A.");
    nodeA.editorClient().update().resource(page).execute();
    try {
      for (String path : List.of(handout, catalog)) {
        okBody(nodeB, path);
        Thread.sleep(PAGE_SETTLE.plusMillis(500).toMillis());
        okBody(nodeB, path);
      }
      long hitsBefore = pageCacheHits(nodeB);
      assertThat(okBody(nodeB, handout)).contains("Two nodes first title");
      assertThat(okBody(nodeB, catalog)).doesNotContain("postgres-page");
      assertThat(pageCacheHits(nodeB))
          .as("both from node B's page cache")
          .isEqualTo(hitsBefore + 2);

      page.setTitle("Two nodes quillwortian title");
      nodeA.editorClient().update().resource(page).execute();
      assertThat(okBody(nodeB, handout))
          .as("node B's next page after the edit on node A")
          .contains("Two nodes quillwortian title");
      // Past the settle time: a catalog rendered before OpenSearch had the change must not have
      // been kept, or node B would answer it from then on.
      Instant deadline = Instant.now().plus(PAGE_SETTLE.multipliedBy(2));
      while (!okBody(nodeB, catalog).contains("postgres-page")
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }
      Thread.sleep(PAGE_SETTLE.plusMillis(500).toMillis());
      for (int i = 0; i < 3; i++) {
        assertThat(okBody(nodeB, catalog))
            .as("node B's catalog finds the edit made on node A")
            .contains("handout-postgres-page");
      }
    } finally {
      nodeA.editorClient().delete().resourceById("Library", "postgres-page").execute();
    }
  }

  private static long pageCacheHits(ServerProcess node) throws IOException {
    return node.log().lines().filter(line -> line.contains("Page cache hit: ")).count();
  }

  private static String okBody(ServerProcess node, String pathAndQuery) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(node.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  @Test
  void fullTextSearchFindsThePackOnBothNodes() {
    // Only one node stored the pack; both search the one index on OpenSearch.
    for (ServerProcess node : List.of(nodeA, nodeB)) {
      assertThat(ids(node, "Library?_content=prolactin")).contains("oxytocin-goaskalice");
    }
  }

  @Test
  void aWriteOnOneNodeIsFoundByFullTextOnTheOtherWithinTwoSeconds() throws Exception {
    Basic written = new Basic();
    written.setId("postgres-full-text");
    written.setCode(new CodeableConcept().setText("zanzibarite handout"));
    nodeA.editorClient().update().resource(written).execute();
    Instant answered = Instant.now();

    Duration visibleAfter = awaitHits(nodeB, "Basic?_content=zanzibarite", 1, answered);
    System.out.printf(
        "PostgresIT: a write on node A was found by _content on node B %d ms after node A"
            + " answered it%n",
        visibleAfter.toMillis());
    assertThat(ids(nodeB, "Basic?_content=zanzibarite"))
        .as("node B finds node A's write within %s", FULL_TEXT_DEADLINE)
        .containsExactly("postgres-full-text");

    nodeA.editorClient().delete().resourceById("Basic", "postgres-full-text").execute();
    answered = Instant.now();
    for (ServerProcess node : List.of(nodeA, nodeB)) {
      awaitHits(node, "Basic?_content=zanzibarite", 0, answered);
      assertThat(ids(node, "Basic?_content=zanzibarite"))
          .as("no node finds it once node A deleted it")
          .isEmpty();
    }
  }

  @Test
  void aLostIndexIsRebuiltFromTheDatabaseByTheNextNodeToStart() throws Exception {
    Basic written = new Basic();
    written.setId("postgres-before-index-loss");
    written.setCode(new CodeableConcept().setText("marlinspike pamphlet"));
    nodeA.editorClient().update().resource(written).execute();

    // What an operator's mistake or a new, empty cluster looks like to the nodes.
    openSearch.request("DELETE", "/resourcetable-*");
    assertThat(openSearch.request("GET", "/_cat/indices/resourcetable-*?h=index").strip())
        .as("the index is gone")
        .isEmpty();

    // A running node writes while the index is gone: OpenSearch then creates a plain index named
    // as the write alias, on which Hibernate Search could not start (the next node used to stop).
    Basic writtenMeanwhile = new Basic();
    writtenMeanwhile.setId("postgres-during-index-loss");
    writtenMeanwhile.setCode(new CodeableConcept().setText("marlinspike leaflet"));
    nodeA.editorClient().update().resource(writtenMeanwhile).execute();
    assertThat(openSearch.request("GET", "/_cat/indices/resourcetable-*?h=index").strip())
        .as("OpenSearch created an index in the alias's place")
        .isEqualTo("resourcetable-write");

    // And node A keeps writing while node D starts, so that OpenSearch may create that index again
    // between node D's cleaning and Hibernate Search's start (the race CI once lost).
    List<String> acknowledged = new CopyOnWriteArrayList<>();
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread writer =
        new Thread(
            () -> {
              for (int n = 0; writing.get(); n++) {
                Basic basic = new Basic();
                basic.setId("postgres-while-node-d-starts-" + n);
                basic.setCode(new CodeableConcept().setText("marlinspike flyer " + n));
                try {
                  nodeA.editorClient().update().resource(basic).execute();
                  acknowledged.add(basic.getIdElement().getIdPart());
                } catch (RuntimeException refused) {
                  // not acknowledged, so not expected anywhere
                }
                try {
                  Thread.sleep(500);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    writer.start();
    // node D logs its SQL, to see what its schema update does to the database node A is using
    try (ServerProcess nodeD =
        node("d", "postgres,opensearch", Map.of("logging.level.org.hibernate.SQL", "DEBUG"))) {
      try {
        nodeD.awaitReady(Duration.ofMinutes(5));
      } finally {
        writing.set(false);
        writer.join();
      }
      assertThat(acknowledged).as("node A's writes while node D started").isNotEmpty();
      assertThat(nodeD.log())
          .contains("Deleted the index 'resourcetable-write'")
          // 0, or the few documents the running nodes' own writes (AuditEvents) indexed since
          .containsPattern("Full-text index holds \\d+ documents but the database has \\d+")
          .contains("Full-text index rebuilt in");
      assertThat(
              openSearch
                  .request("GET", "/_cat/aliases/resourcetable-*?h=alias,index")
                  .lines()
                  .map(line -> line.strip().replaceAll("\\s+", " ")))
          .as("the layout is HAPI's again")
          .containsExactlyInAnyOrder(
              "resourcetable-read resourcetable-000001",
              "resourcetable-write resourcetable-000001");
      nodeD
          .log()
          .lines()
          .filter(
              line ->
                  line.contains("Full-text index rebuilt in")
                      || line.contains("are not in place")
                      || line.contains("Deleted the index"))
          .forEach(line -> System.out.println("PostgresIT: node D: " + line));
      // its schema update left every unique constraint in place while node A wrote (it finds
      // each one's index by name on PostgreSQL, so adds none either), though it logged its SQL
      assertThat(nodeD.log())
          .doesNotContainIgnoringCase("drop constraint")
          .doesNotContainIgnoringCase("add constraint IDX_RES_TYPE_FHIR_ID")
          .contains("org.hibernate.SQL");
      // a node started later finds everything, the pack and what was written before it started
      assertThat(ids(nodeD, "Library?_content=prolactin")).contains("oxytocin-goaskalice");
      List<String> found = allIds(nodeD, "Basic?_content=marlinspike");
      assertThat(found)
          .doesNotHaveDuplicates()
          .contains("postgres-before-index-loss", "postgres-during-index-loss")
          .as("every write node A acknowledged")
          .containsAll(acknowledged);
      // A write refused while the index was missing may still have been stored (its indexing
      // failed after the commit); none is found that node A never attempted.
      assertThat(found)
          .allSatisfy(
              id ->
                  assertThat(id)
                      .matches(
                          "postgres-(before|during)-index-loss|postgres-while-node-d-starts-\\d+"));
    }
    for (ServerProcess node : List.of(nodeA, nodeB)) {
      assertThat(ids(node, "Library?_content=prolactin"))
          .as("the running nodes find the pack again in the rebuilt index")
          .contains("oxytocin-goaskalice");
    }
  }

  @Test
  void aSecondNodeWithALocalFullTextIndexRefusesToStart() throws Exception {
    try (ServerProcess localIndexNode = node("lucene", "postgres")) {
      assertThat(localIndexNode.awaitExit(Duration.ofMinutes(3))).isNotZero();
      assertThat(localIndexNode.log())
          .contains("Refusing to start: another node is running on this database")
          .contains("need the opensearch profile on every node");
    }
  }

  /**
   * Searches every 20 ms from {@code since} until the search finds {@code expected} resources or
   * {@link #FULL_TEXT_DEADLINE} has passed; returns how long that took. The caller asserts.
   */
  private static Duration awaitHits(ServerProcess node, String search, int expected, Instant since)
      throws InterruptedException {
    Instant deadline = since.plus(FULL_TEXT_DEADLINE);
    while (ids(node, search).size() != expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    return Duration.between(since, Instant.now());
  }

  /** Every match, page after page (a page holds at most edu.max-page-size). */
  private static List<String> allIds(ServerProcess node, String search) {
    List<String> ids = new ArrayList<>();
    Bundle page = node.editorClient().search().byUrl(search).returnBundle(Bundle.class).execute();
    while (true) {
      page.getEntry().forEach(entry -> ids.add(entry.getResource().getIdElement().getIdPart()));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        return ids;
      }
      page = node.editorClient().loadPage().next(page).execute();
    }
  }

  private static List<String> ids(ServerProcess node, String search) {
    return node
        .editorClient()
        .search()
        .byUrl(search)
        .returnBundle(Bundle.class)
        .execute()
        .getEntry()
        .stream()
        .map(entry -> entry.getResource().getIdElement().getIdPart())
        .toList();
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
