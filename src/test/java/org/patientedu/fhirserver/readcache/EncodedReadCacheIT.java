package org.patientedu.fhirserver.readcache;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Reads answered from the cache are the very bytes and headers HAPI gives, and never stale: a write
 * is seen on the next read. (Two nodes on one database: {@code PostgresIT}.)
 */
class EncodedReadCacheIT extends RunningServerTest {

  @Autowired private EncodedReadCacheFilter readCache;
  @Autowired private MeterRegistry meters;

  @Test
  void aSecondReadIsServedFromTheCacheWithTheSameBytesAndHeaders() {
    String path = "/fhir/Library/" + store("cache-same-bytes", "First words");
    HttpResponse<String> first = get(path);
    long hitsBefore = readCache.hits();
    HttpResponse<String> second = get(path);

    assertThat(readCache.hits()).as("the second read was a hit").isEqualTo(hitsBefore + 1);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    for (String header : List.of("Content-Type", "ETag", "Last-Modified", "Content-Location")) {
      assertThat(second.headers().allValues(header))
          .as(header)
          .isEqualTo(first.headers().allValues(header));
    }
    assertThat(second.headers().firstValue("Content-Length"))
        .hasValue(Integer.toString(second.body().getBytes(UTF_8).length));
  }

  @Test
  void aWriteIsSeenOnTheNextRead() {
    String path = "/fhir/Library/" + store("cache-write-seen", "Before the review");
    get(path);
    assertThat(get(path).body()).contains("Before the review");

    store("cache-write-seen", "After the review");
    HttpResponse<String> afterWrite = get(path);
    assertThat(afterWrite.body()).contains("After the review").doesNotContain("Before the review");
    assertThat(afterWrite.headers().firstValue("ETag")).hasValue("W/\"2\"");
  }

  @Test
  void aConditionalReadOfTheCachedVersionGets304() {
    String path = "/fhir/Library/" + store("cache-conditional", "Cached");
    get(path);
    long hitsBefore = readCache.hits();
    HttpResponse<String> notModified =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("If-None-Match", "W/\"1\""));
    assertThat(notModified.statusCode()).isEqualTo(304);
    assertThat(notModified.body()).isEmpty();
    assertThat(notModified.headers().firstValue("ETag")).hasValue("W/\"1\"");
    assertThat(readCache.hits()).isEqualTo(hitsBefore + 1);

    HttpResponse<String> otherVersion =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("If-None-Match", "W/\"7\""));
    assertThat(otherVersion.statusCode()).isEqualTo(200);
    assertThat(otherVersion.headers().firstValue("ETag")).hasValue("W/\"1\"");
    assertThat(otherVersion.body()).contains("\"description\":\"Cached\"");
  }

  @Test
  void eachFormatIsCachedOnItsOwn() {
    String path = "/fhir/Library/" + store("cache-formats", "Either format");
    HttpResponse<String> json = get(path);
    HttpResponse<String> xml =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", "application/fhir+xml"));
    HttpResponse<String> xmlAgain =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", "application/fhir+xml"));
    HttpResponse<String> jsonAgain = get(path);

    assertThat(json.body()).startsWith("{");
    assertThat(xml.body()).startsWith("<Library");
    assertThat(xmlAgain.body()).isEqualTo(xml.body());
    assertThat(jsonAgain.body()).isEqualTo(json.body());
    assertThat(contentType(xmlAgain.headers())).contains("xml");
  }

  @Test
  void answersFromTheFrontDoorAreCountedAsHitsNotTimedAsRequests() throws InterruptedException {
    String path = "/fhir/Library/" + store("cache-metrics", "Answered at the front door");
    get(path);
    long timedBefore = requestsTimed();
    long hitsBefore = readCache.hits();
    for (int i = 0; i < 10; i++) {
      assertThat(get(path).body()).contains("Answered at the front door");
    }
    assertThat(readCache.hits()).isEqualTo(hitsBefore + 10);

    // A request the front door passes on is timed: once it shows, any of the ten would have too.
    get(path + "?_elements=title");
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (requestsTimed() == timedBefore && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(requestsTimed() - timedBefore)
        .as("the passed-on request, and perhaps the first read finishing late; not the ten hits")
        .isBetween(1L, 2L);
  }

  private long requestsTimed() {
    return meters.find("http.server.requests").timers().stream().mapToLong(Timer::count).sum();
  }

  @Test
  void requestsWithParametersGoToHapi() {
    String path = "/fhir/Library/" + store("cache-parameters", "Words in the description");
    get(path);
    HttpResponse<String> summary = get(path + "?_elements=title");
    assertThat(summary.body()).contains("\"title\"").doesNotContain("Words in the description");
  }

  @Test
  void aDeletedResourceIsGoneNotServedFromTheCache() {
    String id = store("cache-deleted", "Soon gone");
    get("/fhir/Library/" + id);
    get("/fhir/Library/" + id);
    editorClient().delete().resourceById("Library", id).execute();
    HttpResponse<String> gone = get("/fhir/Library/" + id);
    assertThat(gone.statusCode()).isEqualTo(410);
    OperationOutcome outcome =
        fhirContext().newJsonParser().parseResource(OperationOutcome.class, gone.body());
    assertThat(outcome.getIssueFirstRep().getSeverity())
        .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .contains("Resource was deleted at")
        .doesNotContain("Soon gone");
  }

  @Test
  void theContentPackRenditionsAreCachedToo() {
    HttpResponse<String> first =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/fhir/Binary/oxytocin-healthwise-html"))
                .header("Accept", "text/html"));
    long hitsBefore = readCache.hits();
    HttpResponse<String> second =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/fhir/Binary/oxytocin-healthwise-html"))
                .header("Accept", "text/html"));
    assertThat(readCache.hits()).isEqualTo(hitsBefore + 1);
    assertThat(second.body()).isEqualTo(first.body()).contains("<h1>Oxytocin</h1>");
    assertThat(contentType(second.headers())).startsWith("text/html");
  }

  private String store(String id, String description) {
    editorClient()
        .update()
        .resource(TestLibraries.draft(id, "Read cache test", description))
        .execute();
    return id;
  }

  private static String contentType(HttpHeaders headers) {
    return headers.firstValue("Content-Type").orElse("");
  }
}
