package org.patientedu.contentpack.synthetic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.HttpLoad;
import org.patientedu.testing.ServerProcess;

/**
 * The 10,000-page catalog (issue 15): generates a synthetic pack, loads it into a fresh server,
 * restarts on the unchanged pack, then measures uncached searches, the catalog and the review
 * report at one connection, and the server's memory. Prints a table, asserts no speed. Run alone
 * with
 *
 * <pre>
 * ./mvnw -B -Pbenchmark verify -Dit.test=SyntheticCatalogBenchmark [-Dedu.bench.pages=10000]
 *     [-Dedu.bench.heap=1g]
 * </pre>
 *
 * The server is the packaged jar in its own JVM (H2 and local Lucene, the embedded default); client
 * and server share the machine's cores.
 */
class SyntheticCatalogBenchmark {

  private static final int PAGES = Integer.getInteger("edu.bench.pages", 10_000);
  private static final String HEAP = System.getProperty("edu.bench.heap", "1g");
  private static final Duration WARM_UP = Duration.ofSeconds(3);
  private static final Duration MEASURE = Duration.ofSeconds(10);
  private static final Pattern LOADED =
      Pattern.compile("Content pack loaded from \\S+ in (\\d+) ms: (.*)");
  private static final Pattern STARTED =
      Pattern.compile("Started PatientEducationApplication in ([\\d.]+) seconds");

  @TempDir static Path dir;

  private final List<String> rows = new ArrayList<>();

  @Test
  void tenThousandPages() throws Exception {
    Path pack = dir.resolve("pack");
    long generating = System.nanoTime();
    SyntheticPackCommand.write(pack, PAGES, 1, LocalDate.now());
    row("generate " + PAGES + " pages (synthetic-pack)", seconds(generating), "");

    Map<String, String> settings =
        Map.of(
            "edu.data-dir", dir.resolve("data").toString(),
            "edu.content-pack.dir", pack.toString());
    Path logs = Files.createDirectories(dir.resolve("logs"));

    long starting = System.nanoTime();
    try (ServerProcess server =
        ServerProcess.startWithJvmOptions(
            List.of("-Xmx" + HEAP), settings, logs.resolve("first.log"))) {
      server.awaitReady(Duration.ofHours(2));
      row("first start to ready, pack loaded", seconds(starting), "goal: load <= 60 s");
      phases(server.log(), "first");
      memory(server, "after the first load");
    }

    long restarting = System.nanoTime();
    try (ServerProcess server =
        ServerProcess.startWithJvmOptions(
            List.of("-Xmx" + HEAP), settings, logs.resolve("restart.log"))) {
      server.awaitReady(Duration.ofHours(1));
      row("restart, pack unchanged, to ready", seconds(restarting), "goal: <= 15 s");
      phases(server.log(), "restart");

      String fhir = server.fhirBase();
      measure(
          "search context (SNOMED 413712001), uncached",
          fhir + "/Library?context=http://snomed.info/sct%7C413712001",
          "goal: p95 <= 20 ms");
      measure(
          "search context:below ICD-10-CM Z39, uncached",
          fhir + "/Library?context:below=http://hl7.org/fhir/sid/icd-10-cm%7CZ39",
          "goal: p95 <= 20 ms");
      measure(
          "search _content=engorgement, uncached",
          fhir + "/Library?_content=engorgement",
          "goal: p95 <= 20 ms");
      measure(
          "search review-status=overdue, uncached",
          fhir + "/Library?review-status=overdue",
          "goal: p95 <= 20 ms");
      measure("$review-report", fhir + "/$review-report", "goal: <= 200 ms");
      measure(
          "catalog / (lactation tab)",
          server.baseUrl() + "/?context=lactation",
          "goal: paged p95 <= 50 ms");
      memory(server, "after the measurements");
    }

    System.out.println();
    System.out.printf(
        "Synthetic catalog benchmark: %d pages, -Xmx%s, %s%n",
        PAGES,
        HEAP,
        Files.readString(Path.of("/proc/loadavg")).strip() + " (load average 1/5/15 min at end)");
    System.out.println("| what | figure | note |");
    System.out.println("| --- | --- | --- |");
    rows.forEach(System.out::println);
  }

  private void measure(String what, String url, String goal) throws Exception {
    // no-cache: HAPI would otherwise hand back the cached result of the same search
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Cache-Control", "no-cache").build();
    HttpLoad.run(request, 1, WARM_UP, 200);
    HttpLoad.Result result = HttpLoad.run(request, 1, MEASURE, 200);
    row(
        what,
        String.format(
            "p50 %.1f ms, p95 %.1f ms (%d requests%s)",
            result.percentile(50),
            result.percentile(95),
            result.sortedNanos().length,
            result.errors() == 0 ? "" : ", " + result.errors() + " not 200"),
        goal);
  }

  private void phases(String log, String which) {
    Matcher started = STARTED.matcher(log);
    if (started.find()) {
      row(which + ": Spring context started", started.group(1) + " s", "before the pack load");
    }
    Matcher loaded = LOADED.matcher(log);
    if (loaded.find()) {
      row(which + ": pack load (log)", loaded.group(1) + " ms", loaded.group(2));
    }
    for (String line : log.lines().filter(l -> l.contains("Content pack: ")).toList()) {
      row(which + ": pack phase", line.substring(line.indexOf("Content pack: ") + 14), "");
    }
    log.lines()
        .filter(l -> l.contains("Review currency as of") || l.contains("Full-text index"))
        .forEach(
            l -> {
              // the review line goes on to list every overdue page: keep the counts
              String said =
                  l.substring(l.indexOf(" : ") + 3).replaceFirst("; overdue, oldest.*", "");
              row(which + ": " + l.substring(0, 23), said, "");
            });
  }

  private void memory(ServerProcess server, String when) throws IOException {
    String status = Files.readString(Path.of("/proc", Long.toString(server.pid()), "status"));
    row(
        "server memory " + when,
        field(status, "VmRSS") + " RSS, peak " + field(status, "VmHWM"),
        "");
  }

  private static String field(String status, String name) {
    return status
        .lines()
        .filter(l -> l.startsWith(name + ":"))
        .map(l -> l.substring(name.length() + 1).strip())
        .findFirst()
        .orElse("?");
  }

  private void row(String what, String figure, String note) {
    String line = "| " + what + " | " + figure + " | " + note + " |";
    rows.add(line);
    System.out.println(line);
  }

  private static String seconds(long sinceNanos) {
    return String.format("%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
  }
}
