package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.dao.data.ISearchDao;
import ca.uhn.fhir.jpa.entity.Search;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Catalog searches page by {@code _offset}: no search is stored, every match is on exactly one
 * page, and the first page says how many there are. Full-text searches page by offset in the index
 * when they have no other criteria, and keep HAPI's stored paging when they do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OffsetPagingIT extends RunningServerTest {

  /** Few: they are drafts nobody reviewed, and the nurses' catalog lists those 50 to a page. */
  private static final int LIBRARIES = 7;

  private static final CacheControlDirective NO_CACHE =
      new CacheControlDirective().setNoCache(true);

  /** Unique to this run, so that HAPI's stored searches can be told apart from other tests'. */
  private final String marker =
      "Offsetpaging" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

  private final List<String> created = new ArrayList<>();

  @Autowired ISearchDao storedSearches;

  @BeforeAll
  void storeLibrariesThatShareANameAndAWord() {
    IGenericClient editor = editorClient();
    for (int i = 0; i < LIBRARIES; i++) {
      Library library =
          TestLibraries.draft("offset-" + i, marker + " page " + i, "Offset paging test " + i);
      library.setName(marker);
      created.add(editor.create().resource(library).execute().getId().getIdPart());
    }
    assertThat(created).hasSize(LIBRARIES);
  }

  @Test
  void aCatalogSearchPagesByOffsetFindsEveryMatchOnceAndStoresNoSearch() {
    Bundle first = search("Library?name:exact=" + marker + "&_count=3");

    assertThat(first.getTotal()).as("exact total on the first page").isEqualTo(LIBRARIES);
    assertThat(first.getEntry()).hasSize(3);
    String next = first.getLink(Bundle.LINK_NEXT).getUrl();
    assertThat(next).contains("_offset=3", "_sort=_pid").doesNotContain("_getpages");

    List<String> seen = walk(first);
    assertThat(seen).as("each once, in the order they were stored").isEqualTo(created);
    assertThat(storedSearchesMentioning(marker)).as("searches HAPI stored for these").isEmpty();
  }

  @Test
  void aPageTheClientAskedForByOffsetIsTheOneAnswered() {
    Bundle last = search("Library?name:exact=" + marker + "&_offset=6&_count=3");

    assertThat(last.getEntry()).hasSize(1);
    assertThat(last.getTotal()).as("the page reaches the end").isEqualTo(LIBRARIES);
    assertThat(last.getLink(Bundle.LINK_NEXT)).isNull();
    assertThat(search("Library?name:exact=" + marker + "&_summary=count").getTotal())
        .isEqualTo(LIBRARIES);
  }

  @Test
  void aFullTextSearchPagesByOffsetInTheIndex() {
    String word = marker.toLowerCase(Locale.ROOT);
    Bundle first = search("Library?_content=" + word + "&_count=3");

    assertThat(first.getTotal()).as("exact total on the first page").isEqualTo(LIBRARIES);
    assertThat(first.getEntry()).hasSize(3);
    assertThat(first.getLink(Bundle.LINK_NEXT).getUrl())
        .contains("_offset=3")
        .doesNotContain("_getpages", "_sort");
    List<String> seen = walk(first);
    assertThat(seen).hasSize(LIBRARIES).doesNotHaveDuplicates().containsAll(created);
    assertThat(storedSearchesMentioning(word))
        .as("searches HAPI stored for these (the other tests' also say _id)")
        .filteredOn(stored -> !stored.getSearchQueryString().contains("_id"))
        .isEmpty();
  }

  @Test
  void aFullTextSearchWithOtherCriteriaKeepsHapisStoredPaging() {
    String word = marker.toLowerCase(Locale.ROOT);
    Bundle first =
        search("Library?_content=" + word + "&_id=" + String.join(",", created) + "&_count=3");

    assertThat(first.getEntry()).hasSize(3);
    assertThat(first.getLink(Bundle.LINK_NEXT).getUrl()).contains("_getpages");
    List<String> seen = walk(first);
    assertThat(seen).hasSize(LIBRARIES).doesNotHaveDuplicates().containsAll(created);
    assertThat(storedSearchesMentioning(word)).isNotEmpty();
  }

  /** HAPI counted these in the index alone: all 7 pages with the word, whatever else was asked. */
  @Test
  void aFullTextSearchWithOtherCriteriaCountsWhatMatchesThemAll() {
    String word = marker.toLowerCase(Locale.ROOT);
    String pageThree = "Library?_content=" + word + "&_id=" + created.get(3);

    assertThat(search(pageThree + "&_summary=count").getTotal()).isEqualTo(1);
    Bundle found = search(pageThree + "&_total=accurate");
    assertThat(found.getTotal()).isEqualTo(1);
    assertThat(found.getEntry())
        .extracting(e -> e.getResource().getIdElement().getIdPart())
        .containsExactly(created.get(3));
    assertThat(search("Library?_content=" + word + "&_summary=count").getTotal())
        .isEqualTo(LIBRARIES);
  }

  @Test
  void anOffsetOnAFullTextSearchWithOtherCriteriaIsRefused() {
    String word = marker.toLowerCase(Locale.ROOT);
    String refusal =
        refusal(
            "/fhir/Library?_content=" + word + "&_id=" + created.get(3) + "&_offset=3&_count=3");

    assertThat(refusal)
        .startsWith("_offset cannot page a full-text search (_content, _text) that has other")
        .contains("follow the Bundle's next links");
  }

  /**
   * The security layer narrows a DocumentReference search by a caller without that search scope
   * (here: no token) to the catalog, which gives a full-text search other criteria.
   */
  @Test
  void aFullTextSearchTheServerNarrowsKeepsStoredPaging() {
    String search = "DocumentReference?_content=oxytocin&_count=2";
    Bundle first =
        anonymousClient()
            .search()
            .byUrl(search)
            .cacheControl(NO_CACHE)
            .returnBundle(Bundle.class)
            .execute();

    assertThat(first.getEntry()).hasSize(2);
    assertThat(first.getLink(Bundle.LINK_NEXT).getUrl())
        .contains("_getpages")
        .doesNotContain("_offset");
    assertThat(walk(anonymousClient(), first))
        .doesNotHaveDuplicates()
        .contains("oxytocin-healthwise");
    assertThat(search(search).getLink(Bundle.LINK_NEXT).getUrl())
        .as("the editor's search, not narrowed")
        .contains("_offset=2");

    assertThat(refusal("/fhir/" + search + "&_offset=2"))
        .startsWith("_offset cannot page a full-text search");
  }

  /** OpenSearch refuses pages past its result window; local Lucene answers alike. */
  @Test
  void aFullTextPagePastTheTenThousandthMatchIsRefused() {
    String word = marker.toLowerCase(Locale.ROOT);
    assertThat(refusal("/fhir/Library?_content=" + word + "&_offset=10000"))
        .isEqualTo(
            "A full-text search (_content, _text) pages by _offset up to its 10000th match;"
                + " narrow it with more words or other criteria.");
    assertThat(search("Library?_content=" + word + "&_offset=9999").getEntry()).isEmpty();
  }

  /**
   * HAPI finishes a full-text search in the database 800 matches per query and applied the offset
   * to each query: a page past the 800th match came back empty. 820 patients share a word here (a
   * type no other test lists), and a client pages through them by {@code _offset}.
   */
  @Test
  void aFullTextPagePastEightHundredMatchesIsAnswered() {
    String word = "Fulltextoffset" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    Set<String> patients = new HashSet<>();
    // In transactions of 41: one of 820 took 35-55 s (Hibernate checks every entity it manages
    // before each query of the transaction), 20 of 41 a few seconds.
    for (int batch = 0; batch < 20; batch++) {
      Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
      for (int i = 0; i < 41; i++) {
        Patient patient = new Patient();
        patient.addName().setFamily(word).addGiven("Offset" + (batch * 41 + i));
        transaction
            .addEntry()
            .setResource(patient)
            .getRequest()
            .setMethod(HTTPVerb.POST)
            .setUrl("Patient");
      }
      editorClient().transaction().withBundle(transaction).execute().getEntry().stream()
          .map(entry -> new IdType(entry.getResponse().getLocation()).getIdPart())
          .forEach(patients::add);
    }
    assertThat(patients).hasSize(820);
    String search = "Patient?_content=" + word.toLowerCase(Locale.ROOT) + "&_total=accurate";

    Bundle past800 = search(search + "&_offset=810&_count=20");
    assertThat(past800.getTotal()).isEqualTo(820);
    assertThat(past800.getEntry()).hasSize(10);
    assertThat(past800.getLink(Bundle.LINK_NEXT)).isNull();

    List<String> seen = walk(search(search + "&_offset=0&_count=200"));
    assertThat(seen).hasSize(820).doesNotHaveDuplicates();
    assertThat(Set.copyOf(seen)).isEqualTo(patients);
  }

  /** The diagnostics of the 400 that {@code pathAndQuery} gets, asked with no token. */
  private String refusal(String pathAndQuery) {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).isEqualTo(400);
    OperationOutcome outcome =
        fhirContext().newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).hasSize(1);
    return outcome.getIssueFirstRep().getDiagnostics();
  }

  private Bundle search(String url) {
    return editorClient()
        .search()
        .byUrl(url)
        .cacheControl(NO_CACHE)
        .returnBundle(Bundle.class)
        .execute();
  }

  private List<String> walk(Bundle first) {
    return walk(editorClient(), first);
  }

  private static List<String> walk(IGenericClient client, Bundle first) {
    List<String> ids = new ArrayList<>();
    Bundle page = first;
    while (true) {
      page.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        return ids;
      }
      page = client.loadPage().next(page).execute();
    }
  }

  private List<Search> storedSearchesMentioning(String text) {
    return storedSearches.findAll().stream()
        .filter(s -> s.getSearchQueryString() != null && s.getSearchQueryString().contains(text))
        .toList();
  }
}
