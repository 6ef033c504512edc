package org.patientedu.testing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load for the benchmarks: N clients, each sending the request again as soon as its
 * answer is in, for a fixed time, over one HTTP/1.1 client (one connection per busy client).
 */
public final class HttpLoad {

  private HttpLoad() {}

  /** Latencies (sorted), the time taken, and how many answers did not have the expected status. */
  public record Result(long[] sortedNanos, double seconds, int errors) {

    public double perSecond() {
      return sortedNanos.length / seconds;
    }

    /** Nearest-rank percentile, in milliseconds. */
    public double percentile(int p) {
      return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * p / 100.0))]
          / 1e6;
    }
  }

  public static Result run(HttpRequest request, int clients, Duration duration, int expectedStatus)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long end = System.nanoTime() + duration.toNanos();
    AtomicInteger errors = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<long[]>> futures = new ArrayList<>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(
          pool.submit(
              () -> {
                long[] latencies = new long[1 << 20];
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length) {
                  long t0 = System.nanoTime();
                  HttpResponse<byte[]> response =
                      http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                  latencies[n++] = System.nanoTime() - t0;
                  if (response.statusCode() != expectedStatus) {
                    errors.incrementAndGet();
                  }
                }
                return Arrays.copyOf(latencies, n);
              }));
    }
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> future : futures) {
      all.add(future.get());
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(merged, seconds, errors.get());
  }
}
