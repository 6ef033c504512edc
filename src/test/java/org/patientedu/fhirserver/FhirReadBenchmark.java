package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.HttpLoad;
import org.patientedu.testing.RunningServerTest;

/**
 * The EHR read path under load: throughput and latency of the requests EHRs make most, from
 * concurrent clients on this machine. Run with {@code ./mvnw -Pbenchmark verify}; prints a table.
 * Client and server share the machine's two cores, so figures are a floor, not a ceiling.
 */
class FhirReadBenchmark extends RunningServerTest {

  private static final int CLIENTS = 8;
  private static final Duration WARM_UP = Duration.ofSeconds(5);
  private static final Duration MEASURE = Duration.ofSeconds(10);

  @Test
  void readPath() throws Exception {
    List<String[]> scenarios =
        List.of(
            new String[] {"read Library by id", "/fhir/Library/oxytocin-healthwise", null},
            new String[] {
              "read Binary (HTML rendition)", "/fhir/Binary/oxytocin-healthwise-html", null
            },
            new String[] {
              "conditional read, 304", "/fhir/Library/oxytocin-healthwise", "If-None-Match"
            },
            new String[] {
              "search by context code",
              "/fhir/Library?context=http://snomed.info/sct%7C413712001",
              null
            },
            new String[] {"full-text search", "/fhir/Library?_content=breastfeeding", null},
            new String[] {"CapabilityStatement (1.5 MB)", "/fhir/metadata", null});
    System.out.printf(
        "%n%-32s %10s %9s %9s %9s%n",
        "FHIR read path (" + CLIENTS + " clients)", "req/s", "p50 ms", "p95 ms", "p99 ms");
    for (String[] scenario : scenarios) {
      String etag =
          scenario[2] == null ? null : get(scenario[1]).headers().firstValue("ETag").orElseThrow();
      run(scenario[1], etag, WARM_UP);
      HttpLoad.Result result = run(scenario[1], etag, MEASURE);
      System.out.printf(
          "%-32s %10.0f %9.2f %9.2f %9.2f%n",
          scenario[0],
          result.perSecond(),
          result.percentile(50),
          result.percentile(95),
          result.percentile(99));
      assertThat(result.errors()).as("errors in " + scenario[0]).isZero();
    }
  }

  private HttpLoad.Result run(String path, String etag, Duration duration) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    if (etag != null) {
      builder.header("If-None-Match", etag);
    }
    return HttpLoad.run(builder.build(), CLIENTS, duration, etag == null ? 200 : 304);
  }
}
