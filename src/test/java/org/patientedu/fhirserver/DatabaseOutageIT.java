package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;
import org.patientedu.testing.FreePorts;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerProcess;

/**
 * Issue 13, items 9 and 3 on PostgreSQL: one node (its own JVM) on a real PostgreSQL (embedded from
 * Maven) that is stopped under load and started again on the same data directory and port, and a
 * node killed with SIGKILL right after acknowledged writes.
 */
@Tag("robustness")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Isolated("requests during an outage must be answered within 6 s")
class DatabaseOutageIT {

  private static final Duration START_UP = Duration.ofMinutes(10);
  private static final Duration DEADLINE = Duration.ofSeconds(6);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Path work;
  private int postgresPort;
  private EmbeddedPostgres postgres;
  private ServerProcess node;

  @BeforeAll
  void startPostgresAndANode() throws Exception {
    work = Files.createTempDirectory("edu-outage-");
    postgresPort = FreePorts.next();
    postgres = startPostgres();
    node = startNode();
    node.awaitReady(START_UP);
  }

  @AfterAll
  void stop() throws Exception {
    if (node != null) {
      node.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** The same data directory and port each time: the database comes back as it was. */
  private EmbeddedPostgres startPostgres() throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(work.resolve("pgdata"))
        .setCleanDataDirectory(false)
        .setPort(postgresPort)
        .start();
  }

  private ServerProcess startNode() throws IOException {
    Map<String, String> properties =
        new HashMap<>(
            Map.of(
                "spring.profiles.active",
                "postgres",
                "spring.datasource.url",
                postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username",
                "postgres",
                "spring.datasource.password",
                "postgres",
                "edu.data-dir",
                work.resolve("node").toString(),
                "edu.limits.request-deadline",
                DEADLINE.toSeconds() + "s"));
    return ServerProcess.start(
        properties, work.resolve("node-" + Instant.now().toEpochMilli() + ".log"));
  }

  /** Item 9. */
  @Test
  @Order(1)
  void whileTheDatabaseIsDownTheServerAnswers503AndRecoversByItself() throws Exception {
    assertThat(put("before-outage").statusCode()).isEqualTo(201);

    Map<Integer, Integer> statusesUnderLoad = new ConcurrentHashMap<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    Thread load =
        new Thread(
            () -> {
              while (loading.get()) {
                try {
                  statusesUnderLoad.merge(
                      get("/fhir/Library?_summary=count").statusCode(), 1, Integer::sum);
                } catch (IOException e) {
                  statusesUnderLoad.merge(-1, 1, Integer::sum);
                }
              }
            });
    load.start();
    try {
      postgres.close();

      HttpResponse<String> read = pollUntilStatus("/fhir/Library/oxytocin-healthwise", 503);
      assertUnavailable(read);
      assertUnavailable(get("/fhir/Library?title=oxytocin"));
      HttpResponse<String> write = put("during-outage");
      assertUnavailable(write);

      postgres = startPostgres();
      Instant back = Instant.now();
      pollUntilStatus("/fhir/Library/oxytocin-healthwise", 200);
      System.out.printf(
          "DatabaseOutageIT: answering again %d ms after PostgreSQL was back%n",
          Duration.between(back, Instant.now()).toMillis());
    } finally {
      loading.set(false);
      load.join();
    }
    assertThat(statusesUnderLoad)
        .as("statuses of searches made throughout (-1: no answer)")
        .containsKeys(200, 503)
        .containsOnlyKeys(200, 503);
    assertThat(asEditor("/fhir/Basic/before-outage").statusCode())
        .as("the write acknowledged before the outage")
        .isEqualTo(200);
    assertThat(asEditor("/fhir/Basic/during-outage").statusCode())
        .as("the write refused with 503 was not made")
        .isEqualTo(404);
    assertThat(put("after-outage").statusCode()).isEqualTo(201);
  }

  /** Item 3 on PostgreSQL. */
  @Test
  @Order(2)
  void acknowledgedWritesSurviveKillMinus9() throws Exception {
    int writes = 10;
    for (int i = 0; i < writes; i++) {
      assertThat(put("kill-" + i).statusCode()).isEqualTo(201);
    }
    node.kill();
    node = startNode();
    node.awaitReady(START_UP);
    for (int i = 0; i < writes; i++) {
      Basic kept = node.editorClient().read().resource(Basic.class).withId("kill-" + i).execute();
      assertThat(kept.getCode().getText()).isEqualTo("kill-" + i);
    }
  }

  /**
   * Item 1 on PostgreSQL: an update kept waiting on a row lock past edu.limits.request-deadline (6
   * s here) has its statement cancelled in the database, answers 503, and changes nothing.
   */
  @Test
  @Order(3)
  void aWriteStillRunningAtTheRequestDeadlineIsCancelledAndChangesNothing() throws Exception {
    assertThat(put("deadline-locked").statusCode()).isEqualTo(201);
    try (Connection blocker = postgres.getPostgresDatabase().getConnection()) {
      blocker.setAutoCommit(false);
      try (Statement lock = blocker.createStatement();
          ResultSet row =
              lock.executeQuery(
                  "SELECT res_id FROM hfj_resource WHERE res_type = 'Basic'"
                      + " AND fhir_id = 'deadline-locked' FOR UPDATE")) {
        assertThat(row.next()).as("the resource's row, locked").isTrue();
      }
      Instant started = Instant.now();
      HttpResponse<String> stuck = put("deadline-locked", "changed while locked");
      System.out.printf(
          "DatabaseOutageIT: the update waiting on a lock was answered %d after %d ms (deadline"
              + " %d ms)%n",
          stuck.statusCode(),
          Duration.between(started, Instant.now()).toMillis(),
          DEADLINE.toMillis());
      assertThat(stuck.statusCode()).as(stuck.body()).isEqualTo(503);
      assertThat(stuck.headers().firstValue("Retry-After")).hasValue("5");
      OperationOutcome outcome =
          ca.uhn.fhir.context.FhirContext.forR4Cached()
              .newJsonParser()
              .parseResource(OperationOutcome.class, stuck.body());
      assertThat(outcome.getIssueFirstRep().getDiagnostics())
          .isEqualTo(
              "The request took longer than this server allows (6 s, setting"
                  + " edu.limits.request-deadline), so its database work was cancelled. Narrow"
                  + " the search, or try again when the server is less busy.");
      try (Statement look = blocker.createStatement();
          ResultSet waiting =
              look.executeQuery(
                  "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
        waiting.next();
        assertThat(waiting.getInt(1))
            .as("statements still waiting on the lock: the update's was cancelled")
            .isZero();
      }
      blocker.rollback();
    }
    Basic kept =
        node.editorClient().read().resource(Basic.class).withId("deadline-locked").execute();
    assertThat(kept.getCode().getText()).isEqualTo("deadline-locked");
    assertThat(kept.getMeta().getVersionId()).isEqualTo("1");
  }

  private static void assertUnavailable(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    OperationOutcome outcome =
        ca.uhn.fhir.context.FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("database is unavailable");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("postgresql");
  }

  private HttpResponse<String> pollUntilStatus(String path, int status) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    HttpResponse<String> last = get(path);
    while (last.statusCode() != status && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      last = get(path);
    }
    assertThat(last.statusCode()).as(last.body()).isEqualTo(status);
    return last;
  }

  private HttpResponse<String> get(String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)));
  }

  private HttpResponse<String> asEditor(String path) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(node.baseUrl() + path))
            .header("Authorization", "Bearer " + RunningServerTest.EDITOR_TOKEN));
  }

  private HttpResponse<String> put(String id) throws IOException {
    return put(id, id);
  }

  private HttpResponse<String> put(String id, String text) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(node.fhirBase() + "/Basic/" + id))
            .header("Authorization", "Bearer " + RunningServerTest.EDITOR_TOKEN)
            .header("Content-Type", "application/fhir+json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"resourceType\":\"Basic\",\"id\":\""
                        + id
                        + "\",\"code\":{\"text\":\""
                        + text
                        + "\"}}")));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return HTTP.send(
          request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
