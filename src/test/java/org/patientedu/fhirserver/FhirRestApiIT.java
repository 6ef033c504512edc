package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;

/** What EHRs rely on: read, vread, history, search, formats, paging, caching headers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FhirRestApiIT extends RunningServerTest {

  private static final String LIBRARY_ID = "api-test-library";
  private static final String PAGING_TAG = "paging-test";
  private static final int PAGING_RESOURCES = 205;

  @BeforeAll
  void storeTestData() {
    IGenericClient editor = editorClient();
    Library library =
        TestLibraries.draft(
            LIBRARY_ID, "Zygomorphic test handout", "Only the API tests use this resource.");
    editor.update().resource(library).execute();
    library.setDescription("Second version, for vread and history.");
    editor.update().resource(library).execute();

    Bundle batch = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (int i = 0; i < PAGING_RESOURCES; i++) {
      Basic basic = new Basic();
      basic.setCode(new CodeableConcept(new Coding().setSystem("urn:test").setCode(PAGING_TAG)));
      batch
          .addEntry()
          .setResource(basic)
          .getRequest()
          .setMethod(Bundle.HTTPVerb.POST)
          .setUrl("Basic");
    }
    editor.transaction().withBundle(batch).execute();
  }

  @Test
  void readsByStableIdAndVersion() {
    Library current = anonymousClient().read().resource(Library.class).withId(LIBRARY_ID).execute();
    assertThat(current.getIdElement().getVersionIdPart()).isEqualTo("2");
    assertThat(current.getDescription()).isEqualTo("Second version, for vread and history.");

    Library first =
        anonymousClient()
            .read()
            .resource(Library.class)
            .withIdAndVersion(LIBRARY_ID, "1")
            .execute();
    assertThat(first.getDescription()).isEqualTo("Only the API tests use this resource.");
  }

  @Test
  void historyListsEveryVersion() {
    Bundle history =
        anonymousClient()
            .history()
            .onInstance(new IdType("Library", LIBRARY_ID))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(history.getEntry())
        .extracting(e -> e.getResource().getIdElement().getVersionIdPart())
        .containsExactly("2", "1");
  }

  @Test
  void searchesByTitleAndContent() {
    Bundle byTitle =
        anonymousClient()
            .search()
            .forResource(Library.class)
            .where(Library.TITLE.matches().value("Zygomorphic"))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(ids(byTitle)).containsExactly(LIBRARY_ID);

    Bundle byContent =
        anonymousClient()
            .search()
            .byUrl("Library?_content=zygomorphic")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(ids(byContent)).contains(LIBRARY_ID);
  }

  @Test
  void answersInXmlByFormatParameterAndByAcceptHeader() {
    HttpResponse<String> byFormat = get("/fhir/Library/" + LIBRARY_ID + "?_format=xml");
    assertThat(byFormat.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("xml"));
    assertThat(byFormat.body()).startsWith("<Library xmlns=\"http://hl7.org/fhir\">");

    HttpResponse<String> byAccept =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Library/" + LIBRARY_ID))
                .header("Accept", "application/fhir+xml"));
    assertThat(byAccept.body()).contains("<title value=\"Zygomorphic test handout\"/>");

    Library viaXmlClient =
        anonymousClient()
            .read()
            .resource(Library.class)
            .withId(LIBRARY_ID)
            .encoded(EncodingEnum.XML)
            .execute();
    assertThat(viaXmlClient.getTitle()).isEqualTo("Zygomorphic test handout");
  }

  @Test
  void summaryAndElementsTrimTheResource() {
    Library summary =
        anonymousClient()
            .read()
            .resource(Library.class)
            .withId(LIBRARY_ID)
            .summaryMode(SummaryEnum.TRUE)
            .execute();
    assertThat(summary.getTitle()).isEqualTo("Zygomorphic test handout");
    assertThat(summary.hasDescription()).isFalse(); // description is not a summary element

    Library elements =
        anonymousClient()
            .read()
            .resource(Library.class)
            .withId(LIBRARY_ID)
            .elementsSubset("title")
            .execute();
    assertThat(elements.getTitle()).isEqualTo("Zygomorphic test handout");
    assertThat(elements.hasName()).isFalse();
  }

  @Test
  void pagesTwentyByDefaultAndAtMostTwoHundred() {
    IGenericClient client = anonymousClient();
    Bundle first =
        client
            .search()
            .byUrl("Basic?code=urn:test|" + PAGING_TAG + "&_total=accurate")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(first.getTotal()).isEqualTo(PAGING_RESOURCES);
    assertThat(first.getEntry()).hasSize(20);

    List<String> seen = new ArrayList<>(ids(first));
    Bundle page = first;
    while (page.getLink(Bundle.LINK_NEXT) != null) {
      page = client.loadPage().next(page).execute();
      seen.addAll(ids(page));
    }
    assertThat(seen).hasSize(PAGING_RESOURCES).doesNotHaveDuplicates();

    Bundle huge =
        client
            .search()
            .byUrl("Basic?code=urn:test|" + PAGING_TAG + "&_count=500")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(huge.getEntry()).hasSize(200);
  }

  @Test
  void etagAndLastModifiedLetClientsCache() {
    HttpResponse<String> first = get("/fhir/Library/" + LIBRARY_ID);
    assertThat(first.headers().firstValue("ETag")).hasValue("W/\"2\"");
    assertThat(first.headers().firstValue("Last-Modified")).isPresent();

    HttpResponse<String> again =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Library/" + LIBRARY_ID))
                .header("If-None-Match", "W/\"2\""));
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    HttpResponse<String> stale =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Library/" + LIBRARY_ID))
                .header("If-None-Match", "W/\"1\""));
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.headers().firstValue("ETag")).hasValue("W/\"2\"");
    Library current = fhirContext().newJsonParser().parseResource(Library.class, stale.body());
    assertThat(current.getDescription()).isEqualTo("Second version, for vread and history.");
    assertThat(current.getMeta().getVersionId()).isEqualTo("2");
  }

  /** The README's example: a printable rendition revalidated with its version. */
  @Test
  void aRenditionRevalidatedWithItsVersionGets304() {
    String rendition = "/fhir/Binary/oxytocin-healthwise-html";
    HttpResponse<String> first =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + rendition))
                .header("Accept", "text/html"));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).startsWith("<article lang=\"en-US\">").contains("<h1>Oxytocin</h1>");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).matches("W/\"\\d+\"");

    for (int attempt = 1; attempt <= 2; attempt++) { // a miss, then a read-cache hit
      HttpResponse<String> unchanged =
          send(
              HttpRequest.newBuilder(URI.create(baseUrl() + rendition))
                  .header("Accept", "text/html")
                  .header("If-None-Match", etag));
      assertThat(unchanged.statusCode()).as("attempt %d", attempt).isEqualTo(304);
      assertThat(unchanged.body()).as("attempt %d", attempt).isEmpty();
      assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);
    }
    HttpResponse<String> otherVersion =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + rendition))
                .header("Accept", "text/html")
                .header("If-None-Match", "W/\"999\""));
    assertThat(otherVersion.statusCode()).isEqualTo(200);
    assertThat(otherVersion.body()).isEqualTo(first.body());
  }

  @Test
  void acceptsAnUnescapedPipeInTokenSearches() throws Exception {
    // java.net.http refuses '|' in a URI, as curl does not: write the request line by hand.
    try (Socket socket = new Socket("localhost", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /fhir/Library?type=http://terminology.hl7.org/CodeSystem/library-type|asset-collection"
                  + "&_id="
                  + LIBRARY_ID
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String response =
          new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
              .lines()
              .collect(Collectors.joining("\n"));
      assertThat(response).startsWith("HTTP/1.1 200");
      assertThat(response).contains("\"total\":1").contains(LIBRARY_ID);
    }
  }

  @Test
  void aResourceGoesOutWholeNotOneChunkPerElement() throws Exception {
    String head = rawResponseHead("/fhir/Library/" + LIBRARY_ID);
    assertThat(head).startsWith("HTTP/1.1 200");
    assertThat(head.toLowerCase())
        .as("small enough for one write, so the length is known up front")
        .contains("content-length:")
        .doesNotContain("transfer-encoding: chunked");
  }

  @Test
  void aLargeResponseGoesOutInBufferSizedChunks() throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /fhir/metadata HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      String line;
      while (!(line = readLine(in)).isEmpty()) {
        assertThat(line.toLowerCase()).doesNotStartWith("content-length");
      }
      int chunks = 0;
      long bytes = 0;
      for (int size; (size = Integer.parseInt(readLine(in).trim(), 16)) > 0; chunks++) {
        bytes += size;
        in.readFully(new byte[size + 2]);
      }
      assertThat(bytes)
          .as("the CapabilityStatement is large")
          .isGreaterThan(FlushCoalescingFilter.BUFFER_BYTES * 4L);
      assertThat(chunks)
          .as("%d bytes in %d chunks", bytes, chunks)
          .isLessThanOrEqualTo((int) (bytes / (FlushCoalescingFilter.BUFFER_BYTES / 2)) + 2);
    }
  }

  private String rawResponseHead(String path) throws Exception {
    try (Socket socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      DataInputStream in = new DataInputStream(socket.getInputStream());
      StringBuilder head = new StringBuilder();
      for (String line; !(line = readLine(in)).isEmpty(); ) {
        head.append(line).append('\n');
      }
      return head.toString();
    }
  }

  private static String readLine(DataInputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c == -1) {
        break;
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Test
  void capabilityStatementDescribesTheSearchesAndTheSecurity() {
    CapabilityStatement capabilities =
        anonymousClient().capabilities().ofType(CapabilityStatement.class).execute();
    assertThat(capabilities.getFhirVersion().toCode()).isEqualTo("4.0.1");
    assertThat(searchParams(capabilities, "Library"))
        .contains(
            "url",
            "version",
            "status",
            "title",
            "topic",
            "context",
            "context-type",
            "publisher",
            "date",
            "_content");
    assertThat(searchParams(capabilities, "DocumentReference"))
        .contains(
            "type", "category", "event", "language", "status", "date", "relatesto", "_content");
    assertThat(capabilities.getRestFirstRep().getSecurity().getDescription())
        .contains("Reads are public")
        .contains("editor bearer token");
  }

  private static Set<String> searchParams(CapabilityStatement capabilities, String type) {
    CapabilityStatementRestResourceComponent resource =
        capabilities.getRestFirstRep().getResource().stream()
            .filter(r -> r.getType().equals(type))
            .findFirst()
            .orElseThrow();
    return resource.getSearchParam().stream().map(p -> p.getName()).collect(Collectors.toSet());
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }
}
