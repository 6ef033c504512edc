package org.patientedu.infobutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientedu.infobutton.InfobuttonIT.query;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.HttpLoad;
import org.patientedu.testing.RunningServerTest;

/**
 * The Infobutton answer under load: one client (latency, warm) and 32 concurrent clients
 * (throughput), for the request EHRs make most (an ICD-10-CM child code, Atom), JSON, and a lookup
 * by drug name. Run with {@code ./mvnw -Pbenchmark verify}; prints a table, asserts no speed.
 * Client and server share the machine's two cores. The shared test server runs without the rate
 * limit (see RunningServerTest).
 */
class InfobuttonBenchmark extends RunningServerTest {

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
    return HttpRequest.newBuilder(URI.create(baseUrl() + "/infobutton" + query)).build();
  }
}
