package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.SettableClock;
import org.patientedu.testing.TestLibraries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Repeated anonymous catalog and handout pages are answered with the bytes the page renders fresh,
 * and never stale: every kind of write is seen on the next request, and a new day is never answered
 * with yesterday's page. Pages holding a ticket, requests with credentials or foreign cookies, the
 * PDF and error pages are rendered every time. (The bound: {@code EncodedAnswerFilterTest}.)
 */
@Isolated("a page right after a write must come within the 1 s settle time")
class HandoutPageCacheIT extends RunningServerTest {

  /** The security headers of the pages (SecurityHeadersInterceptor, and Spring Security's). */
  private static final List<String> SECURITY_HEADERS =
      List.of(
          "Content-Security-Policy",
          "X-Content-Type-Options",
          "Referrer-Policy",
          "X-Frame-Options",
          "X-XSS-Protection");

  /** What differs between any two answers, or between a buffered and a streamed one. */
  private static final List<String> PER_RESPONSE =
      List.of("date", "content-length", "transfer-encoding", "set-cookie");

  @Autowired private HandoutPageCache pageCache;
  @Autowired private SettableClock clock;

  @Test
  void aRepeatedHandoutIsAnsweredWithTheBytesItRendersFresh() {
    String path = "/handouts/oxytocin-healthwise?print=large&paper=a4";
    HttpResponse<String> replayed = hit(path);
    HttpResponse<String> fresh = fresh(path);

    assertThat(replayed.body()).isEqualTo(fresh.body()).contains("let-down reflex");
    assertThat(Jsoup.parse(replayed.body()).select("body").hasClass("large-print")).isTrue();
    assertSameHeaders(replayed, fresh);
    assertThat(replayed.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
    assertThat(replayed.headers().allValues("Content-Language")).containsExactly("en");
  }

  @Test
  void aRepeatedCatalogPageIsAnsweredWithTheBytesItRendersFresh() {
    for (String path : List.of("/?context=lactation", "/?q=prolactin")) {
      HttpResponse<String> replayed = hit(path);
      HttpResponse<String> fresh = fresh(path);

      assertThat(replayed.body()).as(path).isEqualTo(fresh.body());
      assertSameHeaders(replayed, fresh);
    }
    // Of the five pages only Go Ask Alice's mentions prolactin (other tests sharing this server
    // may have stored copies of it under other ids).
    assertThat(ids(Jsoup.parse(hit("/?q=prolactin").body())))
        .as("the text filter, replayed")
        .contains("oxytocin-goaskalice")
        .doesNotContain(
            "oxytocin-healthwise", "oxytocin-loveandlife", "oxytocin-noigroup", "oxytocin-perexp");
  }

  @Test
  void aReplayedPageRemembersTheReadersLanguageChoiceAsARenderedOneDoes() {
    String path = "/handouts/oxytocin-noigroup?lang=es";
    HttpResponse<String> replayed = hit(path);
    HttpResponse<String> fresh = fresh(path);

    assertThat(replayed.body()).isEqualTo(fresh.body());
    assertSameHeaders(replayed, fresh);
    assertThat(replayed.headers().allValues("Content-Language")).containsExactly("es");
    assertThat(withoutExpiry(replayed.headers().allValues("Set-Cookie")))
        .containsExactly("handouts-lang=es; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax")
        .isEqualTo(withoutExpiry(fresh.headers().allValues("Set-Cookie")));
  }

  @Test
  void theReadersLanguageCookieChoosesWhichPageIsReplayed() {
    String path = "/handouts/oxytocin-perexp";
    HttpRequest.Builder spanishReader =
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Cookie", "handouts-lang=es");
    send(spanishReader);
    awaitSettled();
    send(spanishReader);
    long hitsBefore = pageCache.hits();
    HttpResponse<String> spanish = send(spanishReader);
    assertThat(pageCache.hits()).isEqualTo(hitsBefore + 1);
    assertThat(spanish.headers().allValues("Content-Language")).containsExactly("es");

    HttpResponse<String> english = get(path);
    assertThat(english.headers().allValues("Content-Language")).containsExactly("en");
    assertThat(Jsoup.parse(english.body()).select("#credits").attr("lang")).isEqualTo("en");
    assertThat(Jsoup.parse(spanish.body()).select("#credits").attr("lang")).isEqualTo("es");
  }

  @Test
  void everyKindOfWriteIsSeenOnTheNextRequest() {
    IGenericClient editor = editorClient();
    String id = "page-cache-live";
    String page = "/handouts/" + id;
    String catalog = "/?review=not-medically-reviewed";
    editor.update().resource(TestLibraries.catalogDocument(id)).execute();
    HandoutPagesIT.storeHandout(
        editor, id, "Page cache first title", "<h2>First part</h2><p>First words.</p>");
    assertThat(Jsoup.parse(hit(page).body()).select("h1").text())
        .isEqualTo("Page cache first title");
    assertThat(ids(Jsoup.parse(hit(catalog).body()))).contains(id);

    // the Library
    Library library = editor.read().resource(Library.class).withId(id).execute();
    library.setTitle("Page cache second title");
    editor.update().resource(library).execute();
    assertThat(Jsoup.parse(get(page).body()).select("h1").text())
        .as("the page right after the Library changed")
        .isEqualTo("Page cache second title");
    assertThat(Jsoup.parse(get(catalog).body()).select("#handout-" + id + " .card__title").text())
        .as("the catalog right after the Library changed")
        .isEqualTo("Page cache second title");

    // the article's Binary
    hit(page);
    Binary article = new Binary();
    article.setId(id + "-html");
    article.setContentType("text/html; charset=utf-8");
    article.setContent("<h2>Second part</h2><p>Second words.</p>".getBytes(StandardCharsets.UTF_8));
    editor.update().resource(article).execute();
    assertThat(Jsoup.parse(get(page).body()).select(".handout__body").text())
        .as("the page right after its article changed")
        .isEqualTo("Second part Second words.");

    // a clinician's review ($review)
    hit(page);
    hit(catalog);
    Parameters review = new Parameters();
    review.addParameter("reviewerName", new StringType("Maria Lopez"));
    review.addParameter("credentials", new StringType("MD"));
    review.addParameter("specialty", new StringType("Obstetrics and Gynecology"));
    review.addParameter("date", new DateType("2026-11-20"));
    operation(id, "$review", review);
    Document reviewed = Jsoup.parse(get(page).body());
    assertThat(reviewed.select("#banner-never-reviewed")).as("after $review").isEmpty();
    assertThat(reviewed.select("#credits-review li").eachText())
        .containsExactly("Maria Lopez, MD – Obstetrics and Gynecology");
    assertThat(reviewed.select("#banner-draft")).as("still a draft").hasSize(1);
    assertThat(ids(Jsoup.parse(get(catalog).body())))
        .as("medically reviewed now: out of the not-reviewed filter")
        .doesNotContain(id);

    // the approval ($approve)
    hit(page);
    operation(id, "$approve", new Parameters());
    assertThat(Jsoup.parse(get(page).body()).select("#banner-draft"))
        .as("after $approve")
        .isEmpty();

    // the retirement ($retire)
    hit(page);
    hit("/");
    operation(id, "$retire", new Parameters());
    assertThat(Jsoup.parse(get(page).body()).select("#banner-retired"))
        .as("after $retire")
        .hasSize(1);
    assertThat(ids(Jsoup.parse(get("/").body()))).as("retired: off the catalog").doesNotContain(id);
  }

  @Test
  void aNewDayIsNeverAnsweredWithYesterdaysPage() {
    String path = "/handouts/oxytocin-goaskalice?paper=letter";
    HttpResponse<String> yesterday = hit(path);
    clock.setToday(TODAY.plusDays(1));
    try {
      long hitsBefore = pageCache.hits();
      HttpResponse<String> today = get(path);
      assertThat(pageCache.hits()).as("rendered again on the new day").isEqualTo(hitsBefore);
      assertThat(today.statusCode()).isEqualTo(200);
      assertThat(Jsoup.parse(today.body()).select("h1").text())
          .isEqualTo(Jsoup.parse(yesterday.body()).select("h1").text());
    } finally {
      clock.setToday(TODAY);
    }
  }

  @Test
  void pagesThatMustNotBeKeptAreRenderedEveryTime() {
    String handout = "/handouts/oxytocin-healthwise";
    hit(handout);

    String withTicket = handout + "?patient=Patient/p1&encounter=Encounter/e1&ticket=not-a-ticket";
    assertRenderedEveryTime(HttpRequest.newBuilder(URI.create(baseUrl() + withTicket)));
    assertThat(get(withTicket).headers().firstValue("Cache-Control")).hasValue("no-store");

    assertRenderedEveryTime(
        HttpRequest.newBuilder(URI.create(baseUrl() + handout))
            .header("Authorization", "Bearer " + EDITOR_TOKEN));
    assertRenderedEveryTime(
        HttpRequest.newBuilder(URI.create(baseUrl() + handout))
            .header("Cookie", "hospital-session=nurse-42"));
    assertRenderedEveryTime(HttpRequest.newBuilder(URI.create(baseUrl() + handout + ".pdf")));
    assertRenderedEveryTime(
        HttpRequest.newBuilder(URI.create(baseUrl() + handout))
            .POST(HttpRequest.BodyPublishers.noBody()));

    String missing = "/handouts/page-cache-not-yet";
    assertRenderedEveryTime(HttpRequest.newBuilder(URI.create(baseUrl() + missing)));
    assertThat(get(missing).statusCode()).isEqualTo(404);
    HandoutPagesIT.storeHandout(
        editorClient(), "page-cache-not-yet", "Page cache late page", "<p>Late words.</p>");
    HttpResponse<String> stored = get(missing);
    assertThat(stored.statusCode()).as("the 404 was not kept").isEqualTo(200);
    assertThat(Jsoup.parse(stored.body()).select("h1").text()).isEqualTo("Page cache late page");
  }

  /** Requested, then again once answers could be kept, then again: never from the cache. */
  private void assertRenderedEveryTime(HttpRequest.Builder request) {
    long hitsBefore = pageCache.hits();
    int status = send(request).statusCode();
    awaitSettled();
    assertThat(send(request).statusCode()).isEqualTo(status);
    assertThat(send(request).statusCode()).isEqualTo(status);
    assertThat(pageCache.hits()).as(request.build().toString()).isEqualTo(hitsBefore);
  }

  /**
   * The page as replayed: requested once, again once answers can be kept (so it is kept), and a
   * third time, which must come from the cache.
   */
  private HttpResponse<String> hit(String path) {
    get(path);
    awaitSettled();
    get(path);
    long hitsBefore = pageCache.hits();
    HttpResponse<String> replayed = get(path);
    assertThat(pageCache.hits()).as("answered from the cache: " + path).isEqualTo(hitsBefore + 1);
    assertThat(replayed.statusCode()).isEqualTo(200);
    return replayed;
  }

  /** The page rendered now ({@code Cache-Control: no-cache} goes past the cache). */
  private HttpResponse<String> fresh(String path) {
    long hitsBefore = pageCache.hits();
    HttpResponse<String> fresh =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Cache-Control", "no-cache"));
    assertThat(pageCache.hits()).as("rendered, not replayed").isEqualTo(hitsBefore);
    assertThat(fresh.statusCode()).isEqualTo(200);
    return fresh;
  }

  private void operation(String id, String name, Parameters parameters) {
    editorClient()
        .operation()
        .onInstance(new IdType("Library", id))
        .named(name)
        .withParameters(parameters)
        .returnResourceType(Library.class)
        .execute();
  }

  /** The same headers, each as often, but those of one response only; security headers once. */
  private static void assertSameHeaders(HttpResponse<String> replayed, HttpResponse<String> fresh) {
    assertThat(comparable(replayed)).isEqualTo(comparable(fresh));
    for (String header : SECURITY_HEADERS) {
      assertThat(replayed.headers().allValues(header)).as(header).hasSize(1);
    }
  }

  private static Map<String, List<String>> comparable(HttpResponse<String> response) {
    return response.headers().map().entrySet().stream()
        .filter(header -> !PER_RESPONSE.contains(header.getKey().toLowerCase()))
        .collect(
            Collectors.toMap(
                header -> header.getKey().toLowerCase(),
                Map.Entry::getValue,
                (a, b) -> a,
                TreeMap::new));
  }

  private static List<String> withoutExpiry(List<String> cookies) {
    return cookies.stream().map(cookie -> cookie.replaceAll("; Expires=[^;]*", "")).toList();
  }

  private static List<String> ids(Document catalog) {
    return catalog.select("li.card").eachAttr("id").stream()
        .map(id -> id.substring("handout-".length()))
        .toList();
  }

  /** Pages are kept only once the store has not changed for a moment (FingerprintedQuestions). */
  private static void awaitSettled() {
    try {
      Thread.sleep(READ_CACHE_SETTLE_SECONDS * 1000L + 500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
