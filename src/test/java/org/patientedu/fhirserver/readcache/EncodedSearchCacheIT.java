package org.patientedu.fhirserver.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Repeated anonymous catalog searches are answered from the cache with HAPI's own bytes, its next
 * links working, and never stale: a write is seen on the next search. Token holders always get
 * HAPI's answer. (Two nodes on one database: {@code PostgresIT}.)
 */
@Isolated("a search right after a write must come within the 1 s settle time")
class EncodedSearchCacheIT extends RunningServerTest {

  @Autowired private EncodedSearchCacheFilter searchCache;

  @Test
  void aRepeatedSearchIsAnsweredFromTheCacheWithHapisBytes() throws Exception {
    store("search-cache-bytes", "Search cache bytes test");
    String search = "/fhir/Library?title=Search%20cache%20bytes%20test";
    HttpResponse<String> first = warm(search);
    long hitsBefore = searchCache.hits();
    HttpResponse<String> second = get(search);

    assertThat(searchCache.hits()).as("the second search was a hit").isEqualTo(hitsBefore + 1);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body()).contains("\"id\":\"search-cache-bytes\"");
    assertThat(second.headers().allValues("Content-Type"))
        .isEqualTo(first.headers().allValues("Content-Type"));
    assertThat(second.headers().allValues("X-Content-Type-Options"))
        .as("a header of the filters before the cache is not sent twice")
        .containsExactly("nosniff");
  }

  @Test
  void aWriteIsSeenOnTheNextSearch() throws Exception {
    store("search-cache-write-1", "Search cache write test");
    String search = "/fhir/Library?title=Search%20cache%20write%20test";
    warm(search);
    long hitsBefore = searchCache.hits();
    assertThat(ids(get(search))).containsExactly("search-cache-write-1");
    assertThat(searchCache.hits()).isEqualTo(hitsBefore + 1);

    store("search-cache-write-2", "Search cache write test");
    assertThat(ids(get(search)))
        .as("the search right after the write")
        .containsExactlyInAnyOrder("search-cache-write-1", "search-cache-write-2");
  }

  @Test
  void anAnswerIsKeptOnlyOnceTheCatalogHasHeldStillForTheSettleTime() throws Exception {
    store("search-cache-settle", "Search cache settle test");
    String search = "/fhir/Library?title=Search%20cache%20settle%20test";
    long hitsBefore = searchCache.hits();
    get(search);
    get(search);
    assertThat(searchCache.hits())
        .as("right after a write, an answer (the index may still lag) is not kept")
        .isEqualTo(hitsBefore);

    awaitSettled();
    get(search);
    long hitsSettled = searchCache.hits();
    assertThat(ids(get(search))).containsExactly("search-cache-settle");
    assertThat(searchCache.hits()).as("kept once settled").isEqualTo(hitsSettled + 1);
  }

  @Test
  void theNextLinksOfACachedAnswerLeadThroughEveryPage() throws Exception {
    for (String id : List.of("search-cache-page-1", "search-cache-page-2", "search-cache-page-3")) {
      store(id, "Search cache paging test");
    }
    String search = "/fhir/Library?title=Search%20cache%20paging%20test&_count=1&_sort=_id";
    warm(search);
    long hitsBefore = searchCache.hits();
    Bundle page = fhirContext().newJsonParser().parseResource(Bundle.class, get(search).body());
    assertThat(searchCache.hits()).isEqualTo(hitsBefore + 1);

    List<String> seen = new ArrayList<>();
    while (true) {
      page.getEntry().forEach(entry -> seen.add(entry.getResource().getIdPart()));
      if (page.getLink(Bundle.LINK_NEXT) == null) {
        break;
      }
      page = anonymousClient().loadPage().next(page).execute();
    }
    assertThat(seen)
        .containsExactly("search-cache-page-1", "search-cache-page-2", "search-cache-page-3");
  }

  @Test
  void aTokenHolderIsNeverAnsweredFromTheAnonymousCache() throws Exception {
    store("search-cache-token", "Search cache token test");
    String search = "Library?title=Search%20cache%20token%20test";
    warm("/fhir/" + search);
    long hitsBefore = searchCache.hits();
    Bundle answered =
        smartClient("system/Library.rs")
            .search()
            .byUrl(search)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(answered.getEntryFirstRep().getResource().getIdPart())
        .isEqualTo("search-cache-token");
    assertThat(searchCache.hits()).as("answered by HAPI").isEqualTo(hitsBefore);
  }

  @Test
  void aCallerAskingForAFreshSearchGetsHapisAnswer() throws Exception {
    String search = "/fhir/Library?_id=oxytocin-perexp";
    warm(search);
    long hitsBefore = searchCache.hits();
    HttpResponse<String> fresh =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + search))
                .header("Cache-Control", "no-cache"));
    assertThat(ids(fresh)).containsExactly("oxytocin-perexp");
    assertThat(searchCache.hits()).isEqualTo(hitsBefore);
  }

  @Test
  void searchesThatReadOtherTypesGoToHapi() throws Exception {
    String search = "/fhir/Library?_id=oxytocin-healthwise&_include=Library:depends-on";
    warm(search);
    long hitsBefore = searchCache.hits();
    get(search);
    assertThat(searchCache.hits()).isEqualTo(hitsBefore);
  }

  @Test
  void aCorsAnswerForOneOriginIsNotReplayedToAnotherRequest() throws Exception {
    String search = "/fhir/Library?_id=oxytocin-healthwise";
    get(search);
    awaitSettled();
    HttpResponse<String> fromTheEhr =
        send(HttpRequest.newBuilder(URI.create(baseUrl() + search)).header("Origin", EHR_ORIGIN));
    assertThat(fromTheEhr.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EHR_ORIGIN);
    get(search);
    long hitsBefore = searchCache.hits();
    HttpResponse<String> plain = get(search);
    assertThat(searchCache.hits()).isEqualTo(hitsBefore + 1);
    assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  /**
   * Searches twice, a moment apart, so that the second answer is kept: answers are kept only once
   * the catalog has not changed for a moment since this node saw it change (see the filter).
   */
  private HttpResponse<String> warm(String search) throws InterruptedException {
    get(search);
    awaitSettled();
    return get(search);
  }

  /** Answers are kept only once the catalog has not changed for a moment (see the filter). */
  private static void awaitSettled() throws InterruptedException {
    Thread.sleep(READ_CACHE_SETTLE_SECONDS * 1000L + 500);
  }

  private void store(String id, String title) {
    Library library = TestLibraries.draft(id, title, "Search cache test page");
    editorClient().update().resource(library).execute();
  }

  private static List<String> ids(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return fhirContext()
        .newJsonParser()
        .parseResource(Bundle.class, response.body())
        .getEntry()
        .stream()
        .map(entry -> entry.getResource().getIdPart())
        .toList();
  }
}
