package org.patientedu.infobutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientedu.infobutton.InfobuttonIT.query;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.HttpLoad;
import org.patientedu.testing.ServerProcess;

/**
 * The Infobutton answer under load: one client (latency, warm) and 32 concurrent clients
 * (throughput), for the request EHRs make most (an ICD-10-CM child code, Atom), JSON, and a lookup
 * by drug name. Run with {@code ./mvnw -Pbenchmark verify}; prints a table, asserts no speed. The
 * server is the packaged jar in its own JVM (-Xmx512m), with a public address and no rate limit;
 * client and server share the machine's two cores.
 */
class InfobuttonBenchmark {

  @TempDir static Path dir;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    // Measured as before: -Xmx512m and the JVM's own defaults, not the tests' C1-only start.
    server =
        ServerProcess.startWithJvmOptions(
            List.of(),
            Map.of(
                "edu.data-dir", dir.resolve("data").toString(),
                "edu.handouts.public-base-url", "https://education.example.org",
                "edu.infobutton.rate-limit.enabled", "false"),
            Files.createDirectories(dir.resolve("logs")).resolve("server.log"));
    // Assigned before waiting, so @AfterAll stops a server that never became ready.
    server.awaitReady(Duration.ofMinutes(10));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(10);

  @Test
  void infobuttonAnswers() throws Exception {
    List<String[]> scenarios =
        List.of(
            new String[] {
              "ICD-10-CM O92.79, Atom",
              query(
                  "mainSearchCriteria.v.cs",
                  "2.16.840.1.113883.6.90",
                  "mainSearchCriteria.v.c",
                  "O92.79")
            },
            new String[] {
              "SNOMED CT 11466000, JSON",
              query(
                  "mainSearchCriteria.v.cs", "2.16.840.1.113883.6.96",
                  "mainSearchCriteria.v.c", "11466000",
                  "knowledgeResponseType", "application/json")
            },
            new String[] {"name Pitocin, Atom", query("mainSearchCriteria.v.dn", "Pitocin")});
    System.out.printf(
        "%n%-28s %8s %10s %9s %9s %9s%n",
        "Infobutton", "clients", "req/s", "p50 ms", "p95 ms", "p99 ms");
    // Every scenario warm first, so the first measured is not the JIT's warm-up.
    for (String[] scenario : scenarios) {
      HttpLoad.run(request(scenario[1]), 32, WARM_UP, 200);
    }
    for (String[] scenario : scenarios) {
      HttpRequest request = request(scenario[1]);
      for (int clients : new int[] {1, 32}) {
        HttpLoad.run(request, clients, Duration.ofSeconds(2), 200);
        HttpLoad.Result result = HttpLoad.run(request, clients, MEASURE, 200);
        System.out.printf(
            "%-28s %8d %10.0f %9.2f %9.2f %9.2f%n",
            scenario[0],
            clients,
            result.perSecond(),
            result.percentile(50),
            result.percentile(95),
            result.percentile(99));
        assertThat(result.errors()).as("errors in " + scenario[0]).isZero();
      }
    }
  }

  private HttpRequest request(String query) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/infobutton" + query)).build();
  }
}
