package org.patientedu.fhirserver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patientedu.testing.RunningServerTest;

/**
 * Bad input gets a 4xx and an OperationOutcome that says what is wrong; never a stack trace or a
 * 500, and nothing is stored. Writes here carry the editor credential, so it is the input itself
 * that is refused.
 */
@Tag("robustness")
class BadInputIT extends RunningServerTest {

  private int basicsBefore;

  @Test
  void malformedJsonIsRefused() {
    assertRefusedAndNothingStored(
        post("application/fhir+json", "{\"resourceType\":\"Basic\", oops"),
        400,
        "Failed to parse JSON");
  }

  @Test
  void malformedXmlIsRefused() {
    assertRefusedAndNothingStored(
        post("application/fhir+xml", "<Basic xmlns=\"http://hl7.org/fhir\"><code>"),
        400,
        "Failed to parse XML");
  }

  @Test
  void unknownElementsAreRefusedNotSilentlyDropped() {
    assertRefusedAndNothingStored(
        post("application/fhir+json", "{\"resourceType\":\"Basic\",\"colour\":\"red\"}"),
        400,
        "colour");
  }

  @Test
  void xmlWithADoctypeIsRefused() {
    String doctype =
        "<?xml version=\"1.0\"?><!DOCTYPE Basic [<!ELEMENT Basic ANY>]>"
            + "<Basic xmlns=\"http://hl7.org/fhir\"><code><text value=\"x\"/></code></Basic>";
    assertRefusedAndNothingStored(post("application/fhir+xml", doctype), 400, "DOCTYPE");
  }

  @Test
  void xmlWithAnExternalEntityIsRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE Basic [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<Basic xmlns=\"http://hl7.org/fhir\"><code><text value=\"&xxe;\"/></code></Basic>";
    HttpResponse<String> response = post("application/fhir+xml", xxe);
    assertRefusedAndNothingStored(response, 400, "DOCTYPE");
    assertThat(response.body()).doesNotContain("root:");
  }

  @Test
  void oversizedBodiesAreRefusedWith413() {
    String huge =
        "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}}";
    assertRefusedAndNothingStored(
        post("application/fhir+json", huge), 413, "larger than this server accepts");
  }

  @Test
  void unknownResourceTypesAreRefused() {
    HttpResponse<String> response = get("/fhir/Prescription?code=x");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(diagnostics(response))
        .startsWith("HAPI-0302: Unknown resource type 'Prescription' - Server knows how to handle:")
        .contains("Library", "DocumentReference");
  }

  @Test
  void unknownSearchParametersAreRefused() {
    HttpResponse<String> response = get("/fhir/Library?colour=red");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Unknown search parameter \"colour\"");
  }

  @Test
  void malformedSearchValuesAreRefused() {
    HttpResponse<String> response = get("/fhir/Library?date=notadate");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("notadate");
  }

  @Test
  void errorsNeverCarryAStackTrace() {
    HttpResponse<String> response = post("application/fhir+json", "[1,2,3]");
    assertRefusedAndNothingStored(response, 400, "Failed to parse JSON encoded FHIR content");
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  // --- the corpus: every bad input of issue 13 kept as a file --------------------------------

  /**
   * Each file under {@code src/test/resources/bad-inputs/} is a request (method and path, headers,
   * a blank line, the body as bytes), named for the status it must get. {@code Authorization:
   * editor} stands for the editor token.
   */
  static Stream<Path> badInputs() throws IOException {
    Path folder = Path.of("src/test/resources/bad-inputs");
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.filter(f -> f.toString().endsWith(".http")).sorted().toList();
      assertThat(all).hasSizeGreaterThan(15);
      return all.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void everyBadInputGetsA4xxOperationOutcomeAndStoresNothing(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int headerEnd = indexOf(bytes, "\n\n".getBytes(UTF_8));
    String[] head = new String(bytes, 0, headerEnd, UTF_8).split("\n");
    byte[] body = java.util.Arrays.copyOfRange(bytes, headerEnd + 2, bytes.length);
    String[] requestLine = head[0].split(" ", 2);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + requestLine[1]));
    for (int i = 1; i < head.length; i++) {
      String[] header = head[i].split(": ", 2);
      String value = "editor".equals(header[1]) ? "Bearer " + EDITOR_TOKEN : header[1];
      request.header(header[0], value);
    }
    request.method(
        requestLine[0],
        body.length == 0
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    int expected = Integer.parseInt(file.getFileName().toString().substring(0, 3));
    basicsBefore = basicCount();
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("fhir"));
    assertThat(diagnostics(response)).isNotBlank();
    assertThat(response.body())
        .doesNotContain("\tat ")
        .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]+Exception");
    assertThat(basicCount())
        .as("Basic resources after " + file.getFileName())
        .isEqualTo(basicsBefore);
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("no blank line after the headers");
  }

  // --- Issue 13, item 4: answers that were 500s with Java internals in them -------------------

  @Test
  void aNegativeOffsetIsA400() {
    assertPlain400(get("/fhir/Library?_offset=-5"), "_offset must be 0 or more");
  }

  @Test
  void anOffsetBeyondTheLimitIsA400() {
    assertPlain400(get("/fhir/Library?_offset=2147483647"), "_offset may be at most 100000");
  }

  @Test
  void anIfMatchThatIsNoVersionIsA400AndChangesNothing() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Library/oxytocin-healthwise"))
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + EDITOR_TOKEN)
                .header("If-Match", "garbage")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"resourceType\":\"Library\"}")));
    assertPlain400(response, "If-Match must be the ETag of a version");
  }

  @Test
  void aHugeHostHeaderOnAHandoutIsNoServerError() throws Exception {
    String answer =
        rawHttp(
            "GET /handouts/oxytocin-healthwise HTTP/1.1\r\nHost: "
                + "h".repeat(7000)
                + "\r\nConnection: close\r\n\r\n");
    assertThat(answer).startsWith("HTTP/1.1 ").doesNotStartWith("HTTP/1.1 5");
    assertThat(answer).doesNotContain("Exception").doesNotContain("\tat ");
  }

  // --- item 5: HTTP semantics ----------------------------------------------------------------

  @Test
  void aStaleIfMatchIs412AndKeepsTheNewerVersion() {
    String id = "if-match-" + System.nanoTime();
    String v1 = "{\"resourceType\":\"Basic\",\"id\":\"" + id + "\",\"code\":{\"text\":\"first\"}}";
    String v2 = "{\"resourceType\":\"Basic\",\"id\":\"" + id + "\",\"code\":{\"text\":\"second\"}}";
    String v3 = "{\"resourceType\":\"Basic\",\"id\":\"" + id + "\",\"code\":{\"text\":\"stale\"}}";
    assertThat(put(id, v1, null).statusCode()).isEqualTo(201);
    assertThat(put(id, v2, "W/\"1\"").statusCode()).isEqualTo(200);
    HttpResponse<String> stale = put(id, v3, "W/\"1\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(diagnostics(stale)).contains("not the current one");
    org.hl7.fhir.r4.model.Basic stored =
        editorClient().read().resource(org.hl7.fhir.r4.model.Basic.class).withId(id).execute();
    assertThat(stored.getCode().getText()).isEqualTo("second");
    assertThat(stored.getIdElement().getVersionIdPart()).isEqualTo("2");
  }

  @Test
  void aNegativeCountIsA400() {
    assertPlain400(get("/fhir/Library?_count=-1"), "_count must be 0 or more");
  }

  @Test
  void anOffsetPastTheLastMatchReportsNoMadeUpTotal() {
    HttpResponse<String> response = get("/fhir/Library?_offset=1000");
    assertThat(response.statusCode()).isEqualTo(200);
    Bundle bundle = fhirContext().newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(bundle.getEntry()).isEmpty();
    assertThat(bundle.hasTotal()).as("total " + bundle.getTotal() + " would be made up").isFalse();
    // a page that reaches the end still counts right: the offset plus what it holds
    Bundle lastPage =
        fhirContext()
            .newJsonParser()
            .parseResource(Bundle.class, get("/fhir/Library?_offset=3&_count=200").body());
    assertThat(lastPage.getEntry()).isNotEmpty();
    assertThat(lastPage.getTotal()).isEqualTo(3 + lastPage.getEntry().size());
  }

  // --- item 6: lenient parsing ----------------------------------------------------------------

  @Test
  void aKeyTwiceInOneJsonObjectIsRefused() {
    assertRefusedAndNothingStored(
        post(
            "application/fhir+json",
            "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"a\",\"text\":\"b\"}}"),
        400,
        "Duplicate field 'text'");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedInJsonAndXml() {
    byte[] json = "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"caf\u0000\"}}".getBytes(UTF_8);
    json[indexOfZero(json)] = (byte) 0xE9; // Latin-1 'é', not UTF-8
    assertRefusedAndNothingStored(postBytes("application/fhir+json", json), 400, "UTF-8");
    byte[] xml =
        "<Basic xmlns=\"http://hl7.org/fhir\"><code><text value=\"caf\u0000\"/></code></Basic>"
            .getBytes(UTF_8);
    xml[indexOfZero(xml)] = (byte) 0xE9;
    assertRefusedAndNothingStored(postBytes("application/fhir+xml", xml), 400, "not valid UTF-8");
  }

  // --- item 1: the number of search parameters ------------------------------------------------

  @Test
  void aSearchWithMoreParametersThanTheLimitIsRefusedBeforeTheDatabase() {
    StringBuilder query = new StringBuilder("/fhir/Library?title=t0");
    for (int i = 1; i < 31; i++) {
      query.append("&title=t").append(i);
    }
    assertPlain400(get(query.toString()), "this server accepts at most 30");
    assertPlain400(
        get("/fhir/Library?title=" + String.join(",", java.util.Collections.nCopies(31, "t"))),
        "Too many search parameters: 31");
    HttpResponse<String> atTheLimit = get(query.toString().replace("&title=t30", ""));
    assertThat(atTheLimit.statusCode()).isEqualTo(200);
  }

  // --- item 7: refusals do not flood the log --------------------------------------------------

  @Test
  void refusalsAndClientErrorsWriteNoStackTrace() {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    root.addAppender(logged);
    try {
      for (int i = 0; i < 10; i++) {
        assertThat(get("/fhir/AuditEvent").statusCode()).isEqualTo(401);
        assertThat(
                send(HttpRequest.newBuilder(URI.create(fhirBase() + "/AuditEvent"))
                        .header("Authorization", "Bearer " + EDITOR_TOKEN))
                    .statusCode())
            .isEqualTo(403);
        assertThat(get("/fhir/Library?date=notadate").statusCode()).isEqualTo(400);
        assertThat(get("/fhir/Library?_offset=-1").statusCode()).isEqualTo(400);
      }
    } finally {
      root.detachAppender(logged);
    }
    assertThat(logged.list)
        .as("log events with a stack trace")
        .filteredOn(event -> event.getThrowableProxy() != null)
        .isEmpty();
    assertThat(logged.list)
        .as("log lines for 40 refused requests")
        .filteredOn(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .isEmpty();
  }

  private HttpResponse<String> put(String id, String body, String ifMatch) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fhirBase() + "/Basic/" + id))
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", "Bearer " + EDITOR_TOKEN)
            .PUT(HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return send(request);
  }

  private HttpResponse<String> postBytes(String contentType, byte[] body) {
    basicsBefore = basicCount();
    return send(
        HttpRequest.newBuilder(URI.create(fhirBase() + "/Basic"))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + EDITOR_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  private static int indexOfZero(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("no placeholder");
  }

  private String rawHttp(String request) throws java.io.IOException {
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      socket
          .getOutputStream()
          .write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      return new String(socket.getInputStream().readAllBytes(), UTF_8);
    }
  }

  /** A 400 with an OperationOutcome in plain words: no Java class name, no HAPI internals. */
  private static void assertPlain400(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(diagnostics(response)).contains(message);
    assertThat(response.body()).doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Za-z]+Exception");
  }

  private HttpResponse<String> post(String contentType, String body) {
    basicsBefore = basicCount();
    return send(
        HttpRequest.newBuilder(URI.create(fhirBase() + "/Basic"))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + EDITOR_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private void assertRefusedAndNothingStored(
      HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("fhir"));
    assertThat(diagnostics(response)).contains(message);
    assertThat(basicCount())
        .as("Basic resources after the refused request")
        .isEqualTo(basicsBefore);
  }

  private int basicCount() {
    return editorClient()
        .search()
        .byUrl("Basic?_summary=count")
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }

  private static String diagnostics(HttpResponse<String> response) {
    OperationOutcome outcome =
        response.body().startsWith("<")
            ? fhirContext().newXmlParser().parseResource(OperationOutcome.class, response.body())
            : fhirContext().newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).hasSize(1);
    assertThat(outcome.getIssueFirstRep().getSeverity())
        .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    return outcome.getIssueFirstRep().getDiagnostics();
  }
}
