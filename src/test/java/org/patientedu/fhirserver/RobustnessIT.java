package org.patientedu.fhirserver;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Isolated;
import org.patientedu.testing.HookCalls;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerProcess;

/**
 * Issue 13 against a real server process (the packaged jar, its own JVM, H2 on disk), one process
 * for every case here: watched while it starts (503 until ready), pushed with an expensive search,
 * slow uploads and a write flood, then killed with SIGKILL right after acknowledged writes and
 * started again. Small limits are set so that each is reached with a few requests.
 */
@Tag("robustness")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Isolated("slow uploads and kill -9 rounds are timed against the server's deadlines")
class RobustnessIT {

  private static final Duration START_UP = Duration.ofMinutes(10);
  private static final String TOKEN = RunningServerTest.EDITOR_TOKEN;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Path work;
  private ServerProcess server;
  private final List<HttpResponse<String>> beforeReady = new ArrayList<>();

  /** The other front doors' answers while the server was starting, by the door asked. */
  private final Map<String, List<HttpResponse<String>>> doorsBeforeReady = new TreeMap<>();

  /** The catalog, a handout (in English and Spanish) and its PDF, asked while starting. */
  private static final List<String> PAGES =
      List.of(
          "/",
          "/handouts/oxytocin-healthwise",
          "/handouts/oxytocin-healthwise?lang=es",
          "/handouts/oxytocin-healthwise.pdf");

  /** A lactation code (SNOMED CT 413712001), answered in Atom XML (Infobutton's default). */
  private static final String INFOBUTTON_ATOM =
      "/infobutton?mainSearchCriteria.v.cs=2.16.840.1.113883.6.96&mainSearchCriteria.v.c=413712001";

  /** The same, answered in MedlinePlus Connect's JSON. */
  private static final String INFOBUTTON =
      INFOBUTTON_ATOM + "&knowledgeResponseType=application/json";

  private static final String CDS_SERVICE = "/cds-services/patient-education-patient-view";

  @BeforeAll
  void startAndWatchTheServerUntilReady() throws Exception {
    work = Files.createTempDirectory("edu-robustness-");
    server = start();
    Instant deadline = Instant.now().plus(START_UP);
    while (!ready()) {
      assertThat(Instant.now()).as("ready within " + START_UP).isBefore(deadline);
      try {
        beforeReady.add(get("/fhir/Library?_summary=count"));
        for (String page : PAGES) {
          doorsBeforeReady.computeIfAbsent(page, p -> new ArrayList<>()).add(get(page));
        }
        for (String infobutton : List.of(INFOBUTTON_ATOM, INFOBUTTON)) {
          doorsBeforeReady.computeIfAbsent(infobutton, p -> new ArrayList<>()).add(get(infobutton));
        }
        doorsBeforeReady
            .computeIfAbsent(CDS_SERVICE, p -> new ArrayList<>())
            .add(postHook(CDS_SERVICE, HookCalls.PATIENT_VIEW_LACTATION));
      } catch (IOException notListeningYet) {
        Thread.sleep(200);
      }
    }
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private ServerProcess start() throws IOException {
    return ServerProcess.start(
        Map.of(
            "edu.data-dir",
            work.resolve("data").toString(),
            "edu.limits.max-concurrent-writes",
            "2",
            "edu.limits.in-flight-bodies",
            "1MB",
            // so that Infobutton and CDS Hooks answer with links, and a test call needs no JWT
            "edu.handouts.public-base-url",
            "https://education.example.org",
            "edu.cds-hooks.allow-unsigned",
            "true"),
        work.resolve("server-" + Instant.now().toEpochMilli() + ".log"));
  }

  /** Item 8. */
  @Test
  @Order(1)
  void untilReadyTheFhirEndpointAnswers503WithRetryAfterNeverAnEmptyCatalog() throws Exception {
    assertThat(beforeReady)
        .as(
            "answers from /fhir while the server was starting (Tomcat listens before the pack"
                + " is loaded)")
        .anySatisfy(response -> assertThat(response.statusCode()).isEqualTo(503))
        .allSatisfy(
            response -> {
              if (response.statusCode() == 200) {
                // the server may turn ready between the readiness probe and this request: then
                // the whole catalog, never an empty one
                assertThat(bundle(response).getTotal()).isEqualTo(5);
                return;
              }
              assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
              assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
              assertThat(diagnostics(response)).contains("not ready yet");
            });
    HttpResponse<String> ready = get("/fhir/Library?_summary=count");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(bundle(ready).getTotal()).isEqualTo(5);
  }

  /**
   * Item 8 at the other front doors: each says "loading, try again" in its own format while the
   * server starts, never an empty catalog, a handout "not found" or an answer with no education.
   */
  @Test
  @Order(2)
  void untilReadyThePagesInfobuttonAndCdsHooksAnswer503InTheirOwnFormat() throws Exception {
    assertThat(doorsBeforeReady)
        .containsOnlyKeys(concat(PAGES, INFOBUTTON_ATOM, INFOBUTTON, CDS_SERVICE));
    doorsBeforeReady.forEach(
        (door, answers) ->
            assertThat(answers)
                .as(door + " while the server was starting")
                .anySatisfy(response -> assertThat(response.statusCode()).isEqualTo(503))
                .allSatisfy(response -> assertLoadingOrWhole(door, response)));
    // ready: the same doors answer with the content
    assertThat(get("/").body()).contains("handout-oxytocin-healthwise");
    assertThat(get("/handouts/oxytocin-healthwise?lang=es").statusCode()).isEqualTo(200);
    assertThat(get(INFOBUTTON).body()).contains("/handouts/oxytocin-");
    assertThat(get(INFOBUTTON_ATOM).body()).contains("<feed").contains("/handouts/oxytocin-");
    HttpResponse<String> cards = postHook(CDS_SERVICE, HookCalls.PATIENT_VIEW_LACTATION);
    assertThat(cards.statusCode()).as(cards.body()).isEqualTo(200);
    assertThat(cards.body()).contains("/handouts/oxytocin-");
  }

  /** A "loading" answer in the door's format, or (ready meanwhile) the whole answer. */
  private static void assertLoadingOrWhole(String door, HttpResponse<String> response) {
    boolean page = door.equals("/") || door.startsWith("/handouts/");
    String type = response.headers().firstValue("Content-Type").orElseThrow();
    if (response.statusCode() == 200) {
      // turned ready between the readiness probe and this request
      if (door.endsWith(".pdf")) {
        assertThat(type).isEqualTo("application/pdf");
      } else {
        assertThat(response.body()).as(door).contains(page ? "oxytocin-healthwise" : "/handouts/");
      }
      return;
    }
    assertThat(response.statusCode()).as(door + ": " + response.body()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    if (page) {
      assertThat(type).startsWith("text/html");
      assertThat(response.body())
          .contains(
              door.endsWith("lang=es")
                  ? "Los folletos se están cargando"
                  : "The handouts are loading")
          .doesNotContain("handout-oxytocin-healthwise");
    } else if (door.equals(INFOBUTTON_ATOM)) {
      assertThat(type).startsWith("text/xml");
      assertThat(response.body())
          .contains("<error><status>503</status><message>")
          .contains("not ready yet")
          .doesNotContain("/handouts/");
    } else {
      assertThat(type).startsWith("application/json");
      assertThat(response.body()).contains("not ready yet").doesNotContain("/handouts/");
    }
  }

  private static List<String> concat(List<String> first, String... more) {
    List<String> all = new ArrayList<>(first);
    all.addAll(List.of(more));
    return all;
  }

  /** Item 1: the largest search accepted (edu.limits.max-search-parameters, 30) answers. */
  @Test
  @Order(3)
  void theLargestSearchAcceptedIsAnswered() throws Exception {
    StringBuilder query = new StringBuilder("/fhir/Library?title=t0");
    for (int i = 1; i < 30; i++) {
      query.append("&title=t").append(i);
    }
    Instant started = Instant.now();
    HttpResponse<String> response = get(query.toString());
    System.out.printf(
        "RobustnessIT: the largest search accepted (30 title parameters) was answered %d in %d"
            + " ms%n",
        response.statusCode(), Duration.between(started, Instant.now()).toMillis());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(bundle(response).getTotal()).isZero();
    assertThat(get(query + "&title=t30").statusCode()).isEqualTo(400);
  }

  /** Item 2: a write without a credential is refused from its headers; its body is never read. */
  @Test
  @Order(4)
  void aWriteWithoutCredentialIsRefusedBeforeItsBodyIsSent() throws Exception {
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(
              ("POST /fhir/Library HTTP/1.1\r\nHost: localhost\r\n"
                      + "Content-Type: application/fhir+json\r\nContent-Length: 5000000\r\n\r\n")
                  .getBytes(ISO_8859_1));
      // not one byte of the 5 MB body sent: the answer comes from the headers alone
      String statusLine = readStatusLine(socket);
      assertThat(statusLine).startsWith("HTTP/1.1 401");
    }
  }

  /**
   * Item 2: bodies held at once are bounded by edu.limits.in-flight-bodies (1 MB here). A slow
   * upload holds its declared size from its headers on; a body that does not fit is refused, by
   * Content-Length or chunked, and stored nowhere; the budget comes back when the slow upload
   * completes, and when its client cuts it off.
   */
  @Test
  @Order(5)
  void bodiesBeyondTheInFlightBudgetGet503UntilTheSlowUploadEnds() throws Exception {
    byte[] slowBody = paddedBasic("budget-slow", 900_000);
    Socket slow = null;
    try {
      slow = startSlowUpload("budget-slow", slowBody, 800_000);
      int attempt = 0;
      HttpResponse<String> refused;
      do {
        slow = restartIfRefused(slow, "budget-slow", slowBody, 800_000);
        attempt++;
        refused = putJson("budget-refused-" + attempt, paddedBasic("x", 300_000));
      } while (refused.statusCode() == 201 && attempt < 100);
      assertThat(refused.statusCode())
          .as("a 300 kB body while a 900 kB upload holds the 1 MB budget")
          .isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
      assertThat(diagnostics(refused)).contains("edu.limits.in-flight-bodies");
      assertThat(asEditor("/fhir/Basic/budget-refused-" + attempt).statusCode())
          .as("the refused body was not stored")
          .isEqualTo(404);

      HttpResponse<String> chunked =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.fhirBase() + "/Basic/budget-chunked"))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/fhir+json")
                  .timeout(Duration.ofMinutes(2))
                  .PUT(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () ->
                              new java.io.ByteArrayInputStream(
                                  paddedBasic("budget-chunked", 300_000))))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(chunked.statusCode()).as("a chunked body, refused as it arrives").isEqualTo(503);
      assertThat(diagnostics(chunked)).contains("edu.limits.in-flight-bodies");
      assertThat(asEditor("/fhir/Basic/budget-chunked").statusCode()).isEqualTo(404);

      assertThat(get("/fhir/Library/oxytocin-healthwise").statusCode())
          .as("reads answer while the budget is full")
          .isEqualTo(200);

      slow.getOutputStream().write(slowBody, 800_000, slowBody.length - 800_000);
      slow.getOutputStream().flush();
      assertThat(readStatusLine(slow)).startsWith("HTTP/1.1 201");
    } finally {
      if (slow != null) {
        slow.close();
      }
    }
    assertThat(asEditor("/fhir/Basic/budget-slow").statusCode()).isEqualTo(200);
    assertThat(putJson("budget-after-completed", paddedBasic("x", 300_000)).statusCode())
        .as("the budget is back once the slow upload completed")
        .isEqualTo(201);

    byte[] cutBody = paddedBasic("budget-cut", 900_000);
    Socket cut = startSlowUpload("budget-cut", cutBody, 500_000);
    try {
      int attempt = 0;
      HttpResponse<String> whileHeld;
      do {
        cut = restartIfRefused(cut, "budget-cut", cutBody, 500_000);
        attempt++;
        whileHeld = putJson("budget-while-cut-" + attempt, paddedBasic("x", 300_000));
      } while (whileHeld.statusCode() == 201 && attempt < 100);
      assertThat(whileHeld.statusCode()).isEqualTo(503);
      assertThat(diagnostics(whileHeld)).contains("edu.limits.in-flight-bodies");
    } finally {
      cut.close();
    } // the client goes away in the middle of its body
    assertThat(
            pollUntilStatus(
                    () -> putJson("budget-after-cut", paddedBasic("budget-after-cut", 300_000)),
                    201)
                .statusCode())
        .as("the budget is back once the client cut its upload off")
        .isEqualTo(201);
    assertThat(asEditor("/fhir/Basic/budget-cut").statusCode())
        .as("the cut upload stored nothing")
        .isEqualTo(404);
  }

  /** Item 2: writes processed at once are bounded by edu.limits.max-concurrent-writes (2 here). */
  @Test
  @Order(6)
  void writesBeyondTheConcurrencyLimitGet503WhileReadsAnswer() throws Exception {
    List<Socket> stalled = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        Socket socket = new Socket("localhost", server.port());
        stalled.add(socket);
        socket
            .getOutputStream()
            .write(
                ("PUT /fhir/Basic/stalled-"
                        + i
                        + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + TOKEN
                        + "\r\nContent-Type: application/fhir+json\r\nContent-Length: 1000\r\n\r\n"
                        + "{\"resourceType\"")
                    .getBytes(ISO_8859_1));
      }
      HttpResponse<String> refused =
          pollUntilStatus(() -> postJson("/fhir/Basic", basicJson("third", "x")), 503);
      assertThat(diagnostics(refused)).contains("edu.limits.max-concurrent-writes");
      assertThat(get("/fhir/Library?_summary=count").statusCode()).isEqualTo(200);
    } finally {
      for (Socket socket : stalled) {
        socket.close();
      }
    }
    assertThat(
            pollUntilStatus(() -> postJson("/fhir/Basic", basicJson("after", "x")), 201)
                .statusCode())
        .isEqualTo(201);
  }

  /**
   * Item 2, the short version (the long one, 80 uploads for a minute with timings, is in
   * LongRobustnessIT): reads and searches answer while 40 clients keep slow uploads going.
   */
  @Test
  @Order(7)
  void readsAndSearchesAnswerDuringSlowUploads() throws Exception {
    AtomicBoolean attacking = new AtomicBoolean(true);
    Map<String, AtomicInteger> uploadAnswers = new ConcurrentHashMap<>();
    ExecutorService attackers = Executors.newFixedThreadPool(40);
    Map<Integer, Integer> statuses = new TreeMap<>();
    try {
      for (int i = 0; i < 40; i++) {
        boolean withToken = i % 2 == 0;
        attackers.submit(
            () -> {
              while (attacking.get()) {
                SlowUpload.send(server, withToken, 900_000, attacking, uploadAnswers);
                sleepQuietly(Duration.ofMillis(200));
              }
            });
      }
      Thread.sleep(1000); // the uploads under way
      for (int i = 0; i < 15; i++) {
        HttpResponse<String> read = get("/fhir/Library/oxytocin-healthwise");
        statuses.merge(read.statusCode(), 1, Integer::sum);
        HttpResponse<String> search =
            get("/fhir/Library?context:below=http://hl7.org/fhir/sid/icd-10-cm%7CZ39");
        statuses.merge(search.statusCode(), 1, Integer::sum);
        if (search.statusCode() == 200) {
          // the pages whose import.properties give lactation the code Z39.1
          assertThat(bundle(search).getEntry())
              .extracting(entry -> entry.getResource().getIdElement().getIdPart())
              .containsExactlyInAnyOrder(
                  "oxytocin-healthwise", "oxytocin-goaskalice", "oxytocin-perexp");
        }
        Thread.sleep(100);
      }
    } finally {
      attacking.set(false);
      attackers.shutdown();
      assertThat(attackers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
    }
    System.out.printf(
        "RobustnessIT: during 40 slow uploads, reader statuses %s; upload answers %s%n",
        statuses, uploadAnswers);
    assertThat(uploadAnswers).as("the uploads were answered (refused or taken)").isNotEmpty();
    assertThat(statuses).containsOnlyKeys(200).containsEntry(200, 30);
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Item 3: every write answered 201 is there after a kill -9, and full text agrees. */
  @Test
  @Order(101)
  void acknowledgedWritesSurviveKillMinus9AndTheIndexAgrees() throws Exception {
    String word = "durable" + Long.toHexString(System.nanoTime());
    int writes = 20;
    for (int i = 0; i < writes; i++) {
      HttpResponse<String> created =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.fhirBase() + "/Basic/kill-" + i))
                  .header("Authorization", "Bearer " + TOKEN)
                  .header("Content-Type", "application/fhir+json")
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          basicJson("kill-" + i, word + " number " + i)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    server.kill(); // the instant after the last 201
    server = start();
    server.awaitReady(START_UP);
    for (int i = 0; i < writes; i++) {
      Basic kept = server.editorClient().read().resource(Basic.class).withId("kill-" + i).execute();
      assertThat(kept.getCode().getText()).isEqualTo(word + " number " + i);
    }
    Bundle found =
        server
            .editorClient()
            .search()
            .byUrl("Basic?_content=" + word + "&_count=100")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getEntry()).hasSize(writes);
    assertThat(found.getTotal()).isEqualTo(writes);
  }

  private boolean ready() {
    try {
      return get("/actuator/health/readiness").statusCode() == 200;
    } catch (IOException notListeningYet) {
      return false;
    }
  }

  private HttpResponse<String> get(String path) throws IOException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
              .timeout(Duration.ofMinutes(2))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** An unsigned CDS Hooks call (allowed on this server). */
  private HttpResponse<String> postHook(String path, String call) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)), "application/json", call);
  }

  private HttpResponse<String> postJson(String path, String json) throws IOException {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Authorization", "Bearer " + TOKEN),
        "application/fhir+json",
        json);
  }

  private static HttpResponse<String> send(
      HttpRequest.Builder request, String contentType, String body) throws IOException {
    try {
      return HTTP.send(
          request
              .header("Content-Type", contentType)
              .timeout(Duration.ofMinutes(2))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private HttpResponse<String> putJson(String id, byte[] json) throws IOException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(server.fhirBase() + "/Basic/" + id))
              .header("Authorization", "Bearer " + TOKEN)
              .header("Content-Type", "application/fhir+json")
              .timeout(Duration.ofMinutes(2))
              .PUT(HttpRequest.BodyPublishers.ofByteArray(withId(json, id)))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private HttpResponse<String> asEditor(String path) throws IOException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
              .header("Authorization", "Bearer " + TOKEN)
              .timeout(Duration.ofMinutes(2))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /**
   * Whichever body the server takes first holds the budget: when a 300 kB body came first, the slow
   * upload was the one refused (from its headers, so an answer is waiting on its socket); it is
   * started again. Until the slow upload holds its share, a 300 kB body fits and is stored.
   */
  private Socket restartIfRefused(Socket slow, String id, byte[] body, int sent)
      throws IOException {
    if (slow.getInputStream().available() == 0) {
      return slow;
    }
    slow.close();
    return startSlowUpload(id, body, sent);
  }

  /** A PUT whose headers and first {@code sent} bytes go out, and then nothing, for now. */
  private Socket startSlowUpload(String id, byte[] body, int sent) throws IOException {
    Socket slow = new Socket("localhost", server.port());
    slow.setSoTimeout(120_000);
    slow.getOutputStream().write(putHeaders(id, body.length));
    slow.getOutputStream().write(body, 0, sent);
    slow.getOutputStream().flush();
    return slow;
  }

  private static byte[] putHeaders(String id, int contentLength) {
    return ("PUT /fhir/Basic/"
            + id
            + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
            + TOKEN
            + "\r\nContent-Type: application/fhir+json\r\nContent-Length: "
            + contentLength
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(ISO_8859_1);
  }

  /** A Basic of exactly {@code size} bytes of JSON, its text padded. */
  private static byte[] paddedBasic(String id, int size) {
    String empty = basicJson(id, "");
    return basicJson(id, "p".repeat(size - empty.length())).getBytes(UTF_8);
  }

  private static byte[] withId(byte[] json, String id) {
    String text = new String(json, UTF_8);
    return text.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + id + "\"").getBytes(UTF_8);
  }

  interface Call {
    HttpResponse<String> send() throws IOException;
  }

  /** The server reads a slow body at its own pace: ask again until it has. */
  private static HttpResponse<String> pollUntilStatus(Call call, int status) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    HttpResponse<String> last = call.send();
    while (last.statusCode() != status && Instant.now().isBefore(deadline)) {
      Thread.sleep(250);
      last = call.send();
    }
    assertThat(last.statusCode()).as(last.body()).isEqualTo(status);
    return last;
  }

  private static String basicJson(String id, String text) {
    return "{\"resourceType\":\"Basic\",\"id\":\""
        + id
        + "\",\"code\":{\"text\":\""
        + text
        + "\"}}";
  }

  private static String readStatusLine(Socket socket) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = socket.getInputStream().read()) != -1 && c != '\r') {
      line.append((char) c);
    }
    return line.toString();
  }

  private static Bundle bundle(HttpResponse<String> response) {
    return org.hl7.fhir.r4.model.Bundle.class.cast(
        ca.uhn.fhir.context.FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(response.body()));
  }

  private static String diagnostics(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("fhir+json"));
    OperationOutcome outcome =
        ca.uhn.fhir.context.FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(
                OperationOutcome.class, new String(response.body().getBytes(UTF_8), UTF_8));
    assertThat(outcome.getIssue()).hasSize(1);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return outcome.getIssueFirstRep().getDiagnostics();
  }
}
