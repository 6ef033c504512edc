package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.dao.data.ISearchDao;
import ca.uhn.fhir.jpa.entity.Search;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Catalog searches page by {@code _offset}: no search is stored, every match is on exactly one
 * page, and the first page says how many there are. Full-text searches keep HAPI's stored paging.
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
  void aFullTextSearchKeepsHapisStoredPaging() {
    String word = marker.toLowerCase(Locale.ROOT);
    Bundle first = search("Library?_content=" + word + "&_count=3");

    assertThat(first.getEntry()).hasSize(3);
    assertThat(first.getLink(Bundle.LINK_NEXT).getUrl()).contains("_getpages");
    List<String> seen = walk(first);
    assertThat(seen).hasSize(LIBRARIES).doesNotHaveDuplicates().containsAll(created);
    assertThat(storedSearchesMentioning(word)).isNotEmpty();
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
    IGenericClient client = editorClient();
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
