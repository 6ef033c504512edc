package org.patientedu.contentpack.synthetic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientedu.testing.HttpLoad;

/**
 * The rows the synthetic-catalog benchmarks print, and the measurements both take: a node's
 * start-up phases read from its log, its memory from /proc, and the uncached catalog searches at
 * one connection. Printed as a markdown table with the date and the load average; nothing is
 * asserted.
 */
final class CatalogBenchmarkTable {

  private static final Duration WARM_UP = Duration.ofSeconds(3);
  private static final Duration SETTLING = Duration.ofSeconds(15);
  private static final Duration MEASURE = Duration.ofSeconds(10);
  private static final Pattern LOADED =
      Pattern.compile("Content pack loaded from \\S+ in (\\d+) ms: (.*)");
  private static final Pattern STARTED =
      Pattern.compile("Started PatientEducationApplication in ([\\d.]+) seconds");

  private final List<String> rows = new ArrayList<>();

  void row(String what, String figure, String note) {
    String line = "| " + what + " | " + figure + " | " + note + " |";
    rows.add(line);
    System.out.println(line);
  }

  static String seconds(long sinceNanos) {
    return String.format("%.1f s", (System.nanoTime() - sinceNanos) / 1e9);
  }

  /**
   * The four catalog searches, uncached, at one connection, measured settled: all four are
   * asked for {@link #SETTLING} each before any is measured, as the README's figures by hand were
   * taken (two rounds of 200 of each, then a third measured). They share most of their code, which
   * the JIT compiles while the first of them runs; after {@link #WARM_UP} alone the first measured
   * was mostly the JIT's (p95 30.9 ms for context against 20.9 settled, 2026-12-02).
   */
  void catalogSearches(String fhirBase, String on) throws Exception {
    List<CatalogSearch> searches =
        List.of(
            new CatalogSearch(
                "search context (SNOMED 413712001), uncached" + on,
                fhirBase + "/Library?context=http://snomed.info/sct%7C413712001"),
            new CatalogSearch(
                "search context:below ICD-10-CM Z39, uncached" + on,
                fhirBase + "/Library?context:below=http://hl7.org/fhir/sid/icd-10-cm%7CZ39"),
            new CatalogSearch(
                "search _content=engorgement, uncached" + on,
                fhirBase + "/Library?_content=engorgement"),
            new CatalogSearch(
                "search review-status=overdue, uncached" + on,
                fhirBase + "/Library?review-status=overdue"));
    for (CatalogSearch search : searches) {
      HttpLoad.run(uncached(search.url()), 1, SETTLING, 200);
    }
    for (CatalogSearch search : searches) {
      measure(search.what(), search.url(), "goal: p95 <= 20 ms");
    }
  }

  private record CatalogSearch(String what, String url) {}

  private static HttpRequest uncached(String url) {
    // no-cache: HAPI and the search cache would otherwise hand back an earlier answer
    return HttpRequest.newBuilder(URI.create(url)).header("Cache-Control", "no-cache").build();
  }

  void measure(String what, String url, String goal) throws Exception {
    HttpRequest request = uncached(url);
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

  /**
   * Waits until a node that reported ready has finished its background start-up work (each
   * feature's views of every page are made on one thread after readiness): until the process uses
   * under a tenth of a core over two seconds. Searches measured before would be timed against that
   * work, not as a settled node answers them.
   */
  void settled(String what, long pid) throws IOException, InterruptedException {
    long started = System.nanoTime();
    long deadline = started + Duration.ofMinutes(10).toNanos();
    long window = Duration.ofSeconds(2).toMillis();
    long ticksPerSecond = 100; // USER_HZ: /proc counts CPU time in 1/100 s on Linux
    long before = cpuTicks(pid);
    while (System.nanoTime() < deadline) {
      Thread.sleep(window);
      long now = cpuTicks(pid);
      boolean quiet = (now - before) * 1000 / ticksPerSecond < window / 10;
      before = now;
      if (quiet) {
        break;
      }
    }
    row(what, seconds(started), "until under 0.1 core for 2 s; searches measured after");
  }

  /** User and system CPU time a process has used, in clock ticks (/proc/PID/stat, Linux). */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    // fields after the command name, which is in parentheses and may contain spaces
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** The start-up phases a node logged: Spring's start, the pack load and its phases, the index. */
  void phases(String log, String which) {
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

  /** A process's resident memory now and at its peak, from /proc (Linux). */
  void memory(String what, long pid) throws IOException {
    String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
    row(what, field(status, "VmRSS") + " RSS, peak " + field(status, "VmHWM"), "");
  }

  private static String field(String status, String name) {
    return status
        .lines()
        .filter(l -> l.startsWith(name + ":"))
        .map(l -> l.substring(name.length() + 1).strip())
        .findFirst()
        .orElse("?");
  }

  /** The whole table under a heading with the date (UTC) and the load average at the end. */
  void print(String heading) throws IOException {
    System.out.println();
    System.out.printf(
        "%s, %s, load average %s (1/5/15 min, at the end)%n",
        heading,
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        String.join(
            ", ",
            List.of(Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+"))
                .subList(0, 3)));
    System.out.println("| what | figure | note |");
    System.out.println("| --- | --- | --- |");
    rows.forEach(System.out::println);
  }
}
