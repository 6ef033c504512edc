package org.patientedu.contentpack.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.testing.ReviewReports;
import org.patientedu.testing.ServerProcess;

/**
 * A small synthetic pack loaded by a real server: searches find its pages, and the catalog and
 * handouts show them as synthetic, never as approved, and as medically reviewed only where the
 * synthetic page names its (fictional) reviewers.
 *
 * <p>The pack is larger than a slice ({@code edu.content-pack.slice-size=20}): a bad file in the
 * last slice stores nothing and is named; without it, every page loads whole, in three
 * transactions, and a restart finds it unchanged. (One server for both: each start is a minute of
 * CI's two cores.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyntheticPackIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
  private static final String LACTATION_SNOMED = "http://snomed.info/sct|413712001";

  @TempDir static Path dataDir;
  @TempDir static Path packDir;
  @TempDir static Path logDir;

  private static final Pattern NEXT_PAGE =
      Pattern.compile("<a[^>]*id=\"pager-next\"[^>]*href=\"([^\"]*)\"");

  /** What a node logs when it makes the guide's validator (on first use, see IgConfiguration). */
  private static final String VALIDATOR_MADE = "profile validator made on first use";

  private ServerProcess server;

  @BeforeAll
  void aBadFileInTheLastSliceRefusesTheStartThenThePackLoads() throws Exception {
    SyntheticPackCommand.write(packDir, 50, 11, TODAY);
    // a 51st page folder, last in name order, so in the third slice: Library.status is missing
    Path broken = packDir.resolve("zz-broken/Library.json");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, "{\"resourceType\":\"Library\",\"id\":\"zz-broken\"}");
    assertThatThrownBy(() -> start("broken"))
        .hasMessageContaining("Node exited during start-up")
        .hasMessageContaining("zz-broken/Library.json")
        .hasMessageContaining("fails validation")
        .hasMessageContaining("Library.status");
    Files.delete(broken);
    Files.delete(broken.getParent());

    server = start("sliced");
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @Order(1)
  void everyPageLoadedWholeInSlicesAfterTheRefusedStartStoredNothing() throws Exception {
    // "created 200": the refused start stored nothing; 50 pages of 4 files, 20 pages a slice
    assertThat(server.log())
        .contains(
            "{Binary=100, DocumentReference=50, Library=50} (created 200, updated 0,"
                + " unchanged 0)")
        .contains("200 resources stored in 3 transactions of up to 20 pages")
        .containsOnlyOnce(VALIDATOR_MADE)
        // a line after each slice but the last, in each phase, so a long load is seen to move;
        // the time to go from the second on, at the pace of the slices after the first
        .containsPattern(progress(80, "validated", 40) + "\n")
        .containsPattern(progress(160, "validated", 80) + ", about \\d+ s to go")
        .containsPattern(progress(80, "stored", 40) + "\n")
        .containsPattern(progress(160, "stored", 80) + ", about \\d+ s to go")
        .doesNotContain("200 of 200 files");
    assertThat(count("Library")).isEqualTo(50);
    assertThat(count("DocumentReference")).isEqualTo(50);
    assertThat(count("Binary")).isEqualTo(100);
    DocumentReference last =
        server
            .client()
            .read()
            .resource(DocumentReference.class)
            .withId("synthetic-00050")
            .execute();
    assertThat(last.getContext().getRelatedFirstRep().getReference())
        .isEqualTo("Library/synthetic-00050");
  }

  @Test
  @Order(2)
  void aSyntheticPackIsFoundAndNeverPassesForApprovedEducation() throws Exception {
    List<Library> written = writtenLibraries();
    Set<String> allIds = new TreeSet<>();
    IntStream.rangeClosed(1, 50).forEach(n -> allIds.add(String.format("synthetic-%05d", n)));

    IGenericClient client = server.client();

    List<Library> all = search(client, "Library?publisher=Synthetic%20test%20content");
    assertThat(ids(all)).isEqualTo(allIds);
    assertThat(all)
        .allSatisfy(
            library -> {
              assertThat(library.getExperimental()).isTrue();
              assertThat(library.getTitle()).startsWith("Synthetic test page ");
              assertThat(library.hasApprovalDate()).as("only $approve approves").isFalse();
            });
    assertThat(ids(search(client, "Library?_content=synthetic"))).isEqualTo(allIds);

    Set<String> lactation = idsOf(written, l -> hasCode(l, "413712001"));
    assertThat(lactation).isNotEmpty();
    assertThat(ids(search(client, "Library?context=" + LACTATION_SNOMED))).isEqualTo(lactation);
    assertThat(ids(search(client, "Library?context:below=http://hl7.org/fhir/sid/icd-10-cm|Z39")))
        .isEqualTo(idsOf(written, l -> hasCode(l, "Z39.1")));

    Set<String> neverReviewed = idsOf(written, l -> !l.hasLastReviewDate());
    Set<String> medicallyReviewed = idsOf(written, Library::hasReviewer);
    assertThat(neverReviewed).isNotEmpty();
    assertThat(medicallyReviewed).isNotEmpty();
    assertThat(ids(search(client, "Library?review-status=never-reviewed")))
        .isEqualTo(neverReviewed);
    assertThat(ids(search(client, "Library?review-status=current,due-soon,overdue")))
        .isEqualTo(medicallyReviewed);

    // The review report, counted by hand from the pack's lastReviewDate and reviewers (seed 11,
    // today 2026-11-30, due 24 months after the last review, due soon 60 days before that):
    // reviewed before 2024-11-30 is overdue, up to 2025-01-29 due soon, later current; a date
    // without a reviewer is the publisher's review; no date, never reviewed.
    Parameters report = ReviewReports.fetch(client);
    assertThat(count(report, "current")).isEqualTo(21);
    assertThat(count(report, "due-soon")).isEqualTo(4); // 3, 15, 26, 38
    assertThat(count(report, "overdue")).isEqualTo(8);
    assertThat(count(report, "publisher-reviewed")).isEqualTo(4); // 1, 19, 30, 43
    assertThat(count(report, "never-reviewed")).isEqualTo(13);
    List<ParametersParameterComponent> overdue =
        report.getParameter().stream().filter(p -> p.getName().equals("overdueItem")).toList();
    assertThat(overdue)
        .extracting(item -> ((Reference) item.getPart().get(0).getValue()).getReference())
        .containsExactly(
            "Library/synthetic-00017", // due 2022-11-25
            "Library/synthetic-00047", // due 2023-12-09
            "Library/synthetic-00021", // due 2024-05-14
            "Library/synthetic-00036", // due 2025-01-29
            "Library/synthetic-00012", // due 2025-06-13
            "Library/synthetic-00008", // due 2025-06-27
            "Library/synthetic-00040", // due 2025-08-24
            "Library/synthetic-00016"); // due 2025-12-02
    assertThat(((Reference) overdue.get(0).getPart().get(0).getValue()).getDisplay())
        .isEqualTo("Synthetic test page 17: Breathing through contractions");
    assertThat(overdue.get(0).getPart().subList(1, 4))
        .extracting(part -> part.getName() + "=" + part.getValue().primitiveValue())
        .containsExactly(
            "lastReviewDate=2020-11-25",
            "dueDate=2022-11-25",
            "daysOverdue=1466"); // 4 years of which one leap day, and 5 days

    // 50 handouts, 20 to a page: three pages, each handout on exactly one of them
    String page = get(server.baseUrl() + "/");
    assertThat(page).contains("50 handouts").contains("Page 1 of 3");
    StringBuilder pages = new StringBuilder(page);
    int pagesSeen = 1;
    for (String next = nextPage(page); next != null; next = nextPage(page)) {
      page = get(server.baseUrl() + next);
      pages.append(page);
      pagesSeen++;
    }
    assertThat(pagesSeen).isEqualTo(3);
    assertThat(page).contains("Page 3 of 3").doesNotContain("id=\"pager-next\"");
    String catalog = pages.toString();
    assertThat(allIds)
        .allSatisfy(
            id ->
                assertThat(catalog.split("id=\"handout-" + id + "\"", -1))
                    .as("cards of " + id)
                    .hasSize(2));
    assertThat(written).allSatisfy(library -> assertThat(catalog).contains(library.getTitle()));
    assertThat(catalog).doesNotContain("Approved for use");

    String never = neverReviewed.iterator().next();
    assertThat(get(server.baseUrl() + "/handouts/" + never))
        .contains("Synthetic test page " + Integer.parseInt(never.substring(10)) + ":")
        .contains("This page is synthetic test content.")
        .contains("Draft: not approved for use with patients")
        .contains("Never medically reviewed")
        .doesNotContain("Approved for use")
        .doesNotContain("Synthetic Reviewer");

    String reviewed = medicallyReviewed.iterator().next();
    Library reviewedLibrary =
        written.stream()
            .filter(l -> l.getIdElement().getIdPart().equals(reviewed))
            .findFirst()
            .orElseThrow();
    assertThat(get(server.baseUrl() + "/handouts/" + reviewed))
        .contains("Synthetic test page ")
        .contains("This page is synthetic test content.")
        .contains(reviewedLibrary.getReviewerFirstRep().getName())
        .contains("Synthetic test content")
        .doesNotContain("Approved for use");
  }

  @Test
  @Order(3)
  void aRestartFindsThePackUnchanged() throws Exception {
    // one of the guide's definitions changed through the API: the restart puts the guide's back
    CodeSystem changed =
        server.editorClient().read().resource(CodeSystem.class).withId("review-status").execute();
    changed.setTitle("Changed through the API");
    server.editorClient().update().resource(changed).execute();

    server.close();
    // the restart logs its SQL, to see what the schema update does to an existing database
    server = start("restart", Map.of("logging.level.org.hibernate.SQL", "DEBUG"));
    assertThat(server.log())
        .contains(
            "{Binary=100, DocumentReference=50, Library=50} (created 0, updated 0, unchanged 200)")
        // no file read to know that: each one's hash is the one recorded when it was listed before
        .containsPattern(
            "Content pack: 200 files listed in \\d+ ms \\(0 read and hashed, 200 unchanged")
        // the unique constraints stay: none dropped (before: all 24, then rebuilt) ...
        .doesNotContainIgnoringCase("drop constraint")
        // ... though the update still checks each one is there
        .containsIgnoringCase(
            "alter table if exists HFJ_RESOURCE add constraint IDX_RES_TYPE_FHIR_ID unique")
        // the guide's other 20 definitions are found as the package has them and not written
        .contains(
            "Guide org.patientedu.fhir 0.1.0: 20 definitions unchanged, 1 written:"
                + " CodeSystem/review-status (")
        // nothing to validate, so the guide's definitions are not loaded ...
        .doesNotContain(VALIDATOR_MADE);

    // ... until the first write that claims a profile, which is still held to it
    Library noPublisher =
        FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(
                Library.class,
                Files.readString(
                    Path.of("src/test/resources/ig/errors/Library-no-publisher.json")));
    noPublisher.setId("no-publisher-after-restart");
    noPublisher.getMeta().addProfile(PackTerminology.PROFILE_LIBRARY);
    assertThatThrownBy(() -> server.editorClient().update().resource(noPublisher).execute())
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Library.publisher");
    assertThat(server.log()).containsOnlyOnce(VALIDATOR_MADE);
    assertThat(server.client().read().resource(CodeSystem.class).withId("review-status").execute())
        .extracting(CodeSystem::getTitle, CodeSystem::getUrl)
        .containsExactly("Review status", "http://fhir.patientedu.org/CodeSystem/review-status");
  }

  private static String progress(int files, String phase, int percent) {
    return "Content pack: "
        + files
        + " of 200 files "
        + phase
        + " \\("
        + percent
        + " %\\), \\d+ s so far";
  }

  private ServerProcess start(String name) throws Exception {
    return start(name, Map.of());
  }

  private ServerProcess start(String name, Map<String, String> moreProperties) throws Exception {
    Map<String, String> properties =
        new HashMap<>(
            Map.of(
                "edu.data-dir", dataDir.toString(),
                "edu.content-pack.dir", packDir.toString(),
                "edu.content-pack.slice-size", "20",
                "edu.review.today", TODAY.toString(),
                "edu.handouts.catalog-page-size", "20"));
    properties.putAll(moreProperties);
    // node starts took 3 to 10 min here while other builds shared the two cores
    return ServerProcess.startReady(
        properties, logDir.resolve(name + ".log"), Duration.ofMinutes(25));
  }

  private int count(String type) {
    return server
        .client()
        .search()
        .byUrl(type + "?_summary=count")
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }

  private List<Library> writtenLibraries() throws IOException {
    List<Library> libraries = new ArrayList<>();
    try (var folders = Files.list(packDir)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        libraries.add(
            FHIR.newJsonParser()
                .parseResource(Library.class, Files.readString(folder.resolve("Library.json"))));
      }
    }
    assertThat(libraries).hasSize(50);
    return libraries;
  }

  private static boolean hasCode(Library library, String code) {
    return library.getUseContext().stream()
        .anyMatch(
            use ->
                use.getValueCodeableConcept().getCoding().stream()
                    .anyMatch(coding -> code.equals(coding.getCode())));
  }

  private static Set<String> idsOf(List<Library> libraries, Predicate<Library> which) {
    Set<String> ids = new TreeSet<>();
    libraries.stream().filter(which).forEach(l -> ids.add(l.getIdElement().getIdPart()));
    return ids;
  }

  private static Set<String> ids(List<Library> libraries) {
    return idsOf(libraries, l -> true);
  }

  private static List<Library> search(IGenericClient client, String query) {
    Bundle bundle =
        client
            .search()
            .byUrl(query + (query.contains("?") ? "&" : "?") + "_count=200")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(bundle.getLink(Bundle.LINK_NEXT)).as(query + " fits one page").isNull();
    return bundle.getEntry().stream().map(e -> (Library) e.getResource()).toList();
  }

  private static int count(Parameters report, String state) {
    return ((IntegerType) report.getParameter(state).getValue()).getValue();
  }

  private static String get(String url) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return response.body();
  }

  /** The catalog page's "Next page" link, or null on the last page. */
  private static String nextPage(String html) {
    Matcher next = NEXT_PAGE.matcher(html);
    return next.find() ? next.group(1).replace("&amp;", "&") : null;
  }
}
