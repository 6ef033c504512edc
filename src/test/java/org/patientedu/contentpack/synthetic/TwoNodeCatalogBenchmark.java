package org.patientedu.contentpack.synthetic;

import static org.patientedu.contentpack.synthetic.CatalogBenchmarkTable.seconds;

import ca.uhn.fhir.context.FhirContext;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.testing.OpenSearchNode;
import org.patientedu.testing.ServerProcess;

/**
 * The synthetic catalog on two nodes (issue 15): a change written on node A found by full-text
 * search on node B, at 10,000 pages. Embedded PostgreSQL and a real OpenSearch node; node A (the
 * packaged jar, profiles {@code postgres,opensearch}) loads the generated pack, node B starts on
 * the same database, index and pack. Then, round after round, node A stores a synthetic page with a
 * made-up word in its title, changes the word, deletes the page, and node B is asked every 20 ms
 * until its {@code _content} search has caught up. Last, the catalog searches on node B, uncached,
 * and the memory of all three processes. Prints a table, asserts no speed. Run alone with
 *
 * <pre>
 * ./mvnw -B -Pbenchmark verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 *     -Dit.test=TwoNodeCatalogBenchmark [-Dedu.bench.pages=10000] [-Dedu.bench.heap=1g]
 * </pre>
 *
 * All of it (client, both nodes, PostgreSQL, OpenSearch) shares the machine's cores.
 */
class TwoNodeCatalogBenchmark {

  private static final int PAGES = Integer.getInteger("edu.bench.pages", 10_000);
  private static final String HEAP = System.getProperty("edu.bench.heap", "1g");
  private static final int ROUNDS = 10;
  private static final Duration POLL_PAUSE = Duration.ofMillis(20);

  /** How long node B is asked before a round is counted as never seen. */
  private static final Duration GIVE_UP = Duration.ofSeconds(30);

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;

  private final CatalogBenchmarkTable table = new CatalogBenchmarkTable();
  private final Random words = new Random();

  /** How long each of node B's searches for a probe word took (the polling's resolution). */
  private final List<Long> pollNanos = new ArrayList<>();

  @Test
  void aChangeOnOneNodeIsFoundOnTheOther() throws Exception {
    try {
      Path pack = dir.resolve("pack");
      long generating = System.nanoTime();
      SyntheticPackCommand.write(pack, PAGES, 1, LocalDate.now());
      table.row("generate " + PAGES + " pages (synthetic-pack)", seconds(generating), "");

      long startingStores = System.nanoTime();
      try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
          OpenSearchNode openSearch =
              OpenSearchNode.start(dir.resolve("opensearch"), Duration.ofMinutes(10))) {
        table.row(
            "embedded PostgreSQL and OpenSearch started",
            seconds(startingStores),
            "OpenSearch answered " + openSearch.startup().toMillis() + " ms after launch");

        long startingA = System.nanoTime();
        try (ServerProcess nodeA = node("a", pack, postgres, openSearch)) {
          nodeA.awaitReady(Duration.ofHours(2));
          table.row("node A: first start to ready, pack loaded", seconds(startingA), "");
          table.phases(nodeA.log(), "node A");
          table.memory("node A memory after the first load", nodeA.pid());

          long startingB = System.nanoTime();
          try (ServerProcess nodeB = node("b", pack, postgres, openSearch)) {
            nodeB.awaitReady(Duration.ofHours(1));
            table.row("node B: start to ready, pack already stored", seconds(startingB), "");
            table.phases(nodeB.log(), "node B");

            visibility(nodeA, nodeB);
            table.settled("node B: background work after the rounds", nodeB.pid());
            table.catalogSearches(nodeB.fhirBase(), " on node B");

            table.memory("node A memory at the end", nodeA.pid());
            table.memory("node B memory at the end", nodeB.pid());
            table.memory("OpenSearch node memory at the end (-Xmx512m)", openSearch.pid());
          }
        }
      }
    } finally {
      table.print(
          String.format(
              "Two-node catalog benchmark (PostgreSQL, OpenSearch): %d pages, -Xmx%s per node",
              PAGES, HEAP));
    }
  }

  private static ServerProcess node(
      String name, Path pack, EmbeddedPostgres postgres, OpenSearchNode openSearch)
      throws IOException {
    Path dataDir = Files.createDirectories(dir.resolve("node-" + name));
    return ServerProcess.startWithJvmOptions(
        List.of("-Xmx" + HEAP),
        Map.of(
            "spring.profiles.active", "postgres,opensearch",
            "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
            "spring.datasource.username", "postgres",
            "spring.datasource.password", "postgres",
            "edu.opensearch.url", openSearch.url(),
            "edu.data-dir", dataDir.toString(),
            "edu.content-pack.dir", pack.toString()),
        dataDir.resolve("node.log"));
  }

  /**
   * A warm-up round, then {@link #ROUNDS} rounds of create, change and delete on node A, each timed
   * from node A's answer to node B's first search that shows it.
   */
  private void visibility(ServerProcess nodeA, ServerProcess nodeB) throws Exception {
    Library template =
        nodeA.client().read().resource(Library.class).withId(SyntheticPages.id(1)).execute();
    List<Lag> created = new ArrayList<>();
    List<Lag> changed = new ArrayList<>();
    List<Lag> deleted = new ArrayList<>();
    for (int round = 0; round <= ROUNDS; round++) {
      String id = "bench-visibility-" + round;
      String first = nonsenseWord();
      long answered = store(nodeA, probe(template, id, round, first));
      Lag create = lag(nodeB, first, id, true, answered);

      String second = nonsenseWord();
      answered = store(nodeA, probe(template, id, round, second));
      Lag change = lag(nodeB, second, id, true, answered);

      nodeA.editorClient().delete().resourceById("Library", id).execute();
      answered = System.nanoTime();
      Lag delete = lag(nodeB, second, id, false, answered);

      if (round == 0) {
        if (create.nanos() < 0) {
          throw new IllegalStateException(
              "Node B never found the warm-up probe: the probe, not the nodes, is broken");
        }
        table.row(
            "visibility warm-up round (not counted)",
            String.format(
                "create %s, change %s, delete %s",
                ms(create.nanos()), ms(change.nanos()), ms(delete.nanos())),
            "node B's first searches for a new word");
        pollNanos.clear();
      } else {
        created.add(create);
        changed.add(change);
        deleted.add(delete);
      }
    }
    lags("a page created on A found by _content on B", created);
    lags("a word changed on A found by _content on B", changed);
    lags("a page deleted on A no longer found on B", deleted);
    long[] polls = pollNanos.stream().mapToLong(Long::longValue).sorted().toArray();
    table.row(
        "node B's probe searches (the polling's resolution)",
        String.format(
            "p50 %s, max %s (%d searches, %d ms apart)",
            ms(polls[polls.length / 2]),
            ms(polls[polls.length - 1]),
            polls.length,
            POLL_PAUSE.toMillis()),
        "");
  }

  /**
   * Synthetic page 1 under another id, with {@code word} in its title, marked synthetic and
   * experimental as the generator's pages are. The title, because {@code _content} on a Library
   * searches its narrative, which the server writes anew from the fields on every store (see
   * ReviewNarrative): words added to the narrative by hand would not be kept.
   */
  private static Library probe(Library template, String id, int round, String word) {
    Library probe = template.copy();
    probe.setId(id);
    probe.getMeta().setVersionId(null).setLastUpdated(null);
    probe.setUrl(PackTerminology.libraryUrl(id));
    probe.setTitle(SyntheticPages.TITLE_PREFIX + "visibility probe " + round + ", " + word);
    return probe;
  }

  /** Stores the page on node A; returns when node A answered. */
  private static long store(ServerProcess nodeA, Library probe) {
    nodeA.editorClient().update().resource(probe).execute();
    return System.nanoTime();
  }

  /**
   * From node A's answer to node B's answer that showed the change (-1 if none did within {@link
   * #GIVE_UP}), and how many searches node B was asked: when the first one shows it, the lag is no
   * more than that one search's own time.
   */
  private record Lag(long nanos, int searches) {}

  /**
   * Searches node B for {@code word} every {@link #POLL_PAUSE} until it finds page {@code id} (or,
   * with {@code found} false, no longer finds it), timed from {@code answered}.
   */
  private Lag lag(ServerProcess nodeB, String word, String id, boolean found, long answered)
      throws Exception {
    HttpRequest search =
        HttpRequest.newBuilder(URI.create(nodeB.fhirBase() + "/Library?_content=" + word))
            .header("Cache-Control", "no-cache")
            .header("Accept", "application/fhir+json")
            .build();
    for (int searches = 1; ; searches++) {
      long asked = System.nanoTime();
      HttpResponse<String> response = HTTP.send(search, HttpResponse.BodyHandlers.ofString());
      long now = System.nanoTime();
      pollNanos.add(now - asked);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Node B answered " + response.statusCode() + ": " + response.body());
      }
      Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
      boolean has =
          bundle.getEntry().stream()
              .anyMatch(e -> e.getResource().getIdElement().getIdPart().equals(id));
      if (has == found) {
        return new Lag(now - answered, searches);
      }
      if (now - answered > GIVE_UP.toNanos()) {
        return new Lag(-1, searches);
      }
      Thread.sleep(POLL_PAUSE.toMillis());
    }
  }

  private void lags(String what, List<Lag> lags) {
    long[] seen = lags.stream().mapToLong(Lag::nanos).filter(n -> n >= 0).sorted().toArray();
    long late = lags.stream().filter(l -> l.nanos() > Duration.ofSeconds(2).toNanos()).count();
    long never = lags.size() - seen.length;
    long atOnce = lags.stream().filter(l -> l.nanos() >= 0 && l.searches() == 1).count();
    String figure =
        seen.length == 0
            ? "never within " + GIVE_UP.toSeconds() + " s"
            : String.format(
                "min %s, p50 %s, max %s (%d rounds, %d seen by B's first search%s%s)",
                ms(seen[0]),
                ms(seen[seen.length / 2]),
                ms(seen[seen.length - 1]),
                lags.size(),
                atOnce,
                late == 0 ? "" : ", " + late + " over 2 s",
                never == 0 ? "" : ", " + never + " not within " + GIVE_UP.toSeconds() + " s");
    table.row(what, figure, "goal: <= 2 s");
  }

  private static String ms(long nanos) {
    return nanos < 0 ? "never" : String.format("%d ms", nanos / 1_000_000);
  }

  /** Letters only, so the analyzer keeps it one token; no real word starts "zqx". */
  private String nonsenseWord() {
    StringBuilder word = new StringBuilder("zqx");
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + words.nextInt(26)));
    }
    return word.toString();
  }
}
