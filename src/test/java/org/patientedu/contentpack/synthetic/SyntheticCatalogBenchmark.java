package org.patientedu.contentpack.synthetic;

import static org.patientedu.contentpack.synthetic.CatalogBenchmarkTable.seconds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.ServerProcess;

/**
 * The 10,000-page catalog (issue 15): generates a synthetic pack, loads it into a fresh server,
 * restarts on the unchanged pack, then measures uncached searches, the catalog and the review
 * report at one connection, and the server's memory. Prints a table, asserts no speed. Run alone
 * with
 *
 * <pre>
 * ./mvnw -B -Pbenchmark verify -Dit.test=SyntheticCatalogBenchmark [-Dedu.bench.pages=10000]
 *     [-Dedu.bench.first-load-heap=1g]
 * </pre>
 *
 * The server is the packaged jar in its own JVM (H2 and local Lucene, the embedded default), run as
 * the README says: with {@code jvm.options}, the production settings, and for the first load {@code
 * -Xmx1g} added, which a load of more than 100 pages needs. Client and server share the machine's
 * cores.
 */
class SyntheticCatalogBenchmark {

  private static final int PAGES = Integer.getInteger("edu.bench.pages", 10_000);
  private static final String FIRST_LOAD_HEAP =
      System.getProperty("edu.bench.first-load-heap", "1g");

  /** The production JVM settings (heap, serial collector, caps), as {@code java @jvm.options}. */
  private static final String JVM_OPTIONS = ServerProcess.PRODUCT_JVM_OPTIONS;

  @TempDir static Path dir;

  private final CatalogBenchmarkTable table = new CatalogBenchmarkTable();

  @Test
  void tenThousandPages() throws Exception {
    Path pack = dir.resolve("pack");
    long generating = System.nanoTime();
    SyntheticPackCommand.write(pack, PAGES, 1, LocalDate.now());
    table.row("generate " + PAGES + " pages (synthetic-pack)", seconds(generating), "");

    Map<String, String> settings =
        Map.of(
            "edu.data-dir", dir.resolve("data").toString(),
            "edu.content-pack.dir", pack.toString());
    Path logs = Files.createDirectories(dir.resolve("logs"));

    long starting = System.nanoTime();
    try (ServerProcess server =
        ServerProcess.startWithJvmOptions(
            List.of(JVM_OPTIONS, "-Xmx" + FIRST_LOAD_HEAP), settings, logs.resolve("first.log"))) {
      server.awaitReady(Duration.ofHours(2));
      table.row("first start to ready, pack loaded", seconds(starting), "goal: load <= 60 s");
      table.phases(server.log(), "first");
      table.memory("server memory after the first load", server.pid());
    }

    long restarting = System.nanoTime();
    try (ServerProcess server =
        ServerProcess.startWithJvmOptions(
            List.of(JVM_OPTIONS), settings, logs.resolve("restart.log"))) {
      server.awaitReady(Duration.ofHours(1));
      table.row("restart, pack unchanged, to ready", seconds(restarting), "goal: <= 15 s");
      table.phases(server.log(), "restart");

      table.settled("restart: background work after ready", server.pid());

      String fhir = server.fhirBase();
      table.catalogSearches(fhir, "");
      table.measure("$review-report", fhir + "/$review-report", "goal: <= 200 ms");
      table.measure(
          "catalog / (lactation tab)",
          server.baseUrl() + "/?context=lactation",
          "goal: paged p95 <= 50 ms");
      table.memory("server memory after the measurements", server.pid());
    }

    table.print(
        String.format(
            "Synthetic catalog benchmark: %d pages; jvm.options, the first load with -Xmx%s",
            PAGES, FIRST_LOAD_HEAP));
  }
}
