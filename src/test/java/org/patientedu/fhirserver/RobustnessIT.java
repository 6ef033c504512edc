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
class RobustnessIT {

  private static final Duration START_UP = Duration.ofMinutes(10);
  private static final String TOKEN = RunningServerTest.EDITOR_TOKEN;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Path work;
  private ServerProcess server;
  private final List<HttpResponse<String>> beforeReady = new ArrayList<>();

  @BeforeAll
  void startAndWatchTheServerUntilReady() throws Exception {
    work = Files.createTempDirectory("edu-robustness-");
    server = start();
    Instant deadline = Instant.now().plus(START_UP);
    while (!ready()) {
      assertThat(Instant.now()).as("ready within " + START_UP).isBefore(deadline);
      try {
        beforeReady.add(get("/fhir/Library?_summary=count"));
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
            "2"),
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

  /** Item 1: the largest search accepted (edu.limits.max-search-parameters, 30) answers. */
  @Test
  @Order(2)
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
  @Order(3)
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

  /** Item 2: writes processed at once are bounded by edu.limits.max-concurrent-writes (2 here). */
  @Test
  @Order(5)
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

  /** Item 3: every write answered 201 is there after a kill -9, and full text agrees. */
  @Test
  @Order(100)
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

  private HttpResponse<String> postJson(String path, String json) throws IOException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
              .header("Authorization", "Bearer " + TOKEN)
              .header("Content-Type", "application/fhir+json")
              .timeout(Duration.ofMinutes(2))
              .POST(HttpRequest.BodyPublishers.ofString(json))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
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
