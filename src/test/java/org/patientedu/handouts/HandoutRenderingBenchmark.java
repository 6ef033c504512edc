package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;

/**
 * How long a handout takes to render, warm, over HTTP against the running server: the web page and
 * the PDF, one request at a time, round-robin over the five pack handouts. Prints p50 and p95;
 * asserts nothing about speed (targets: HTML p50 at most 20 ms, PDF p50 at most 300 ms). Run with
 * {@code ./mvnw -Pbenchmark verify}.
 */
class HandoutRenderingBenchmark extends RunningServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final int WARM_UP_HTML = Integer.getInteger("edu.bench.warmup.html", 200);
  private static final int WARM_UP_PDF = Integer.getInteger("edu.bench.warmup.pdf", 50);
  private static final int MEASURED_HTML = Integer.getInteger("edu.bench.html", 500);
  private static final int MEASURED_PDF = Integer.getInteger("edu.bench.pdf", 100);

  @Test
  void handoutHtmlAndPdf() throws Exception {
    run("warm-up HTML", WARM_UP_HTML, "");
    run("warm-up PDF", WARM_UP_PDF, ".pdf");
    long[] html = run("HTML", MEASURED_HTML, "");
    long[] pdf = run("PDF", MEASURED_PDF, ".pdf");

    System.out.println();
    System.out.println(
        "Handout rendering over HTTP, warm, sequential, "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    print("HTML /handouts/{id}", html, 20);
    print("PDF  /handouts/{id}.pdf", pdf, 300);
    System.out.println();
  }

  /** Times {@code count} requests in nanoseconds, cycling through the pack's handouts. */
  private long[] run(String label, int count, String suffix)
      throws IOException, InterruptedException {
    long[] nanos = new long[count];
    List<String> ids = HandoutPagesIT.PACK;
    for (int i = 0; i < count; i++) {
      URI uri = URI.create(baseUrl() + "/handouts/" + ids.get(i % ids.size()) + suffix);
      long start = System.nanoTime();
      HttpResponse<byte[]> response =
          HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
      nanos[i] = System.nanoTime() - start;
      assertThat(response.statusCode()).as(label + " " + uri).isEqualTo(200);
    }
    return nanos;
  }

  private static void print(String label, long[] nanos, int targetP50Millis) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    double p50 = percentile(sorted, 50);
    double p95 = percentile(sorted, 95);
    System.out.printf(
        Locale.ROOT,
        "%-26s n=%4d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (target p50 <= %d ms: %s)%n",
        label,
        sorted.length,
        p50,
        p95,
        sorted[sorted.length - 1] / 1e6,
        targetP50Millis,
        p50 <= targetP50Millis ? "met" : "NOT met");
  }

  /** Nearest-rank percentile, in milliseconds. */
  private static double percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }
}
