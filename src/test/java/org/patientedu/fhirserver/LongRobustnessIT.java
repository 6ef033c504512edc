package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerProcess;

/**
 * The long parts of issue 13, run only with {@code ./mvnw -B verify -Probustness-long} (README,
 * "What the server withstands"): many kill -9 rounds, the upload attack with its memory measured,
 * and a soak (10 minutes by default; {@code -Dedu.soak.duration=PT30M} for longer). Each prints its
 * figures; the assertions are about answers (no lost write, no 5xx but the documented 503s), never
 * about speed.
 */
@Tag("long")
class LongRobustnessIT {

  private static final Duration START_UP = Duration.ofMinutes(10);
  private static final String TOKEN = RunningServerTest.EDITOR_TOKEN;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  @Test
  void acknowledgedWritesSurviveManyKillMinus9Rounds() throws Exception {
    Path work = Files.createTempDirectory("edu-kill-rounds-");
    int rounds = 5;
    int writesPerRound = 20;
    int kept = 0;
    List<Long> startUps = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      Instant launched = Instant.now();
      ServerProcess server = start(work, Map.of());
      server.awaitReady(START_UP);
      startUps.add(Duration.between(launched, Instant.now()).toSeconds());
      if (round > 0) {
        kept += countKept(server, round - 1, writesPerRound);
      }
      for (int i = 0; i < writesPerRound; i++) {
        HttpResponse<String> put = put(server, "round" + round + "-" + i);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
      }
      if (round == rounds - 1) {
        server.kill();
        server = start(work, Map.of());
        server.awaitReady(START_UP);
        kept += countKept(server, round, writesPerRound);
        server.close();
      } else {
        server.kill();
      }
    }
    System.out.printf(
        "LongRobustnessIT: writes kept across %d kill -9 rounds: %d of %d (start-ups %s s)%n",
        rounds, kept, rounds * writesPerRound, startUps);
    assertThat(kept).isEqualTo(rounds * writesPerRound);
  }

  @Test
  void readsKeepAnsweringDuringAnUploadAttack() throws Exception {
    Path work = Files.createTempDirectory("edu-upload-attack-");
    try (ServerProcess server = start(work, Map.of())) {
      server.awaitReady(START_UP);
      // the reader's requests, warmed up before the baseline
      String read = "/fhir/Library/oxytocin-healthwise?_format=json";
      String search = "/fhir/Library?context:below=http://hl7.org/fhir/sid/icd-10-cm%7CZ39";
      for (int i = 0; i < 20; i++) {
        get(server, read);
        get(server, search);
      }
      long rssBefore = server.residentMegabytes();
      String loadBefore = loadAverage();
      AtomicLong peakRss = new AtomicLong(rssBefore);
      AtomicBoolean attacking = new AtomicBoolean(true);
      Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
      ExecutorService attackers = Executors.newFixedThreadPool(80);
      // 60 anonymous and 20 authenticated slow 10 MB uploads, each trickling 64 kB at a time;
      // each attacker starts again as soon as it is answered, for the whole minute
      for (int i = 0; i < 80; i++) {
        boolean withToken = i >= 60;
        attackers.submit(
            () -> {
              while (attacking.get()) {
                SlowUpload.send(server, withToken, 10_000_000, attacking, answers);
              }
            });
      }
      List<Long> readMillis = new ArrayList<>();
      List<Long> searchMillis = new ArrayList<>();
      Map<Integer, Integer> readerStatuses = new java.util.TreeMap<>();
      Instant until = Instant.now().plus(Duration.ofSeconds(60));
      long tick = 0;
      while (Instant.now().isBefore(until)) {
        boolean isSearch = tick++ % 2 == 1;
        Instant started = Instant.now();
        HttpResponse<String> answer = get(server, isSearch ? search : read);
        (isSearch ? searchMillis : readMillis)
            .add(Duration.between(started, Instant.now()).toMillis());
        readerStatuses.merge(answer.statusCode(), 1, Integer::sum);
        if (answer.statusCode() == 200 && isSearch) {
          assertThat(answer.body()).contains("oxytocin-healthwise");
        }
        peakRss.accumulateAndGet(server.residentMegabytes(), Math::max);
        Thread.sleep(100);
      }
      String loadDuring = loadAverage();
      attacking.set(false);
      attackers.shutdown();
      attackers.awaitTermination(2, TimeUnit.MINUTES);
      Collections.sort(readMillis);
      Collections.sort(searchMillis);
      System.out.printf(
          "LongRobustnessIT: upload attack (80 clients sending slow 10 MB uploads for 60 s, one"
              + " after another, 60 of them without a token), the reader alone on its"
              + " connection:%n"
              + "| requests | count | p50 | p99 | max |%n| --- | --- | --- | --- | --- |%n"
              + "| reads (Library by id) | %d | %d ms | %d ms | %d ms |%n"
              + "| searches (context:below) | %d | %d ms | %d ms | %d ms |%n"
              + "reader statuses %s; RSS %d MB before, peak %d MB; upload answers %s;"
              + " load average %s before, %s at the end%n",
          readMillis.size(),
          percentile(readMillis, 50),
          percentile(readMillis, 99),
          readMillis.get(readMillis.size() - 1),
          searchMillis.size(),
          percentile(searchMillis, 50),
          percentile(searchMillis, 99),
          searchMillis.get(searchMillis.size() - 1),
          readerStatuses,
          rssBefore,
          peakRss.get(),
          answers,
          loadBefore,
          loadDuring);
      assertThat(readerStatuses).as("statuses of the reader's requests").containsOnlyKeys(200);
      assertThat(get(server, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
  }

  /** The machine's load average (1, 5, 15 minutes), printed beside timings taken on it. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + ", " + fields[1] + ", " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Test
  void soak() throws Exception {
    Duration duration = Duration.parse(System.getProperty("edu.soak.duration", "PT10M"));
    Path work = Files.createTempDirectory("edu-soak-");
    try (ServerProcess server = start(work, Map.of())) {
      server.awaitReady(START_UP);
      // warm-up, then the baseline
      for (int i = 0; i < 50; i++) {
        get(server, "/fhir/Library?_content=oxytocin");
      }
      long rssStart = server.residentMegabytes();
      List<Long> millis = Collections.synchronizedList(new ArrayList<>());
      AtomicInteger errors = new AtomicInteger();
      AtomicInteger requests = new AtomicInteger();
      Instant until = Instant.now().plus(duration);
      // a steady 10 requests a second: 6 reads, 3 searches, 1 write
      long tick = 0;
      while (Instant.now().isBefore(until)) {
        Instant started = Instant.now();
        HttpResponse<String> answer =
            switch ((int) (tick % 10)) {
              case 0 -> put(server, "soak-" + (tick % 500));
              case 1, 4, 7 ->
                  get(
                      server,
                      "/fhir/Library?context:below=http://hl7.org/fhir/sid/icd-10-cm%7CZ39&_content=oxytocin");
              default -> get(server, "/fhir/DocumentReference/oxytocin-healthwise?_format=json");
            };
        millis.add(Duration.between(started, Instant.now()).toMillis());
        requests.incrementAndGet();
        if (answer.statusCode() >= 400) {
          errors.incrementAndGet();
        }
        tick++;
        long sleep = 100 - Duration.between(started, Instant.now()).toMillis();
        if (sleep > 0) {
          Thread.sleep(sleep);
        }
      }
      long rssEnd = server.residentMegabytes();
      Collections.sort(millis);
      System.out.printf(
          "LongRobustnessIT: soak %s: %d requests, %d errors, p50 %d ms, p99 %d ms, max %d ms;"
              + " RSS %d MB after warm-up, %d MB at the end (%+d MB)%n",
          duration,
          requests.get(),
          errors.get(),
          percentile(millis, 50),
          percentile(millis, 99),
          millis.get(millis.size() - 1),
          rssStart,
          rssEnd,
          rssEnd - rssStart);
      assertThat(errors.get()).isZero();
    }
  }

  private static int countKept(ServerProcess server, int round, int writes) throws IOException {
    int kept = 0;
    for (int i = 0; i < writes; i++) {
      // Basic is no catalog material: reading it needs a credential (a 401 is not a lost write)
      HttpResponse<String> read =
          send(
              HttpRequest.newBuilder(
                      URI.create(server.fhirBase() + "/Basic/round" + round + "-" + i))
                  .header("Authorization", "Bearer " + TOKEN));
      assertThat(read.statusCode()).as(read.body()).isIn(200, 404, 410);
      if (read.statusCode() == 200) {
        kept++;
      }
    }
    return kept;
  }

  private static long percentile(List<Long> sorted, int percent) {
    assertThat(sorted).isNotEmpty();
    return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percent / 100));
  }

  private static ServerProcess start(Path work, Map<String, String> more) throws IOException {
    Map<String, String> properties = new java.util.HashMap<>(more);
    properties.put("edu.data-dir", work.resolve("data").toString());
    return ServerProcess.start(
        properties, work.resolve("server-" + Instant.now().toEpochMilli() + ".log"));
  }

  private static HttpResponse<String> get(ServerProcess server, String path) throws IOException {
    return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)));
  }

  private static HttpResponse<String> put(ServerProcess server, String id) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(server.fhirBase() + "/Basic/" + id))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/fhir+json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"resourceType\":\"Basic\",\"id\":\""
                        + id
                        + "\",\"code\":{\"text\":\"written as "
                        + id
                        + "\"}}")));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return HTTP.send(
          request.timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
