package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;

/** The pages over HTTP, against the shared running server with the real content pack. */
class HandoutPagesIT extends RunningServerTest {

  static final List<String> PACK =
      List.of(
          "oxytocin-healthwise",
          "oxytocin-goaskalice",
          "oxytocin-perexp",
          "oxytocin-noigroup",
          "oxytocin-loveandlife");

  @Test
  void catalogListsEveryPackHandoutWithItsCredentialsAtAGlance() {
    Document catalog = page("/");

    assertThat(ids(catalog)).containsAll(PACK);
    Element healthwise = card(catalog, "oxytocin-healthwise");
    assertThat(healthwise.select(".card__title").text()).isEqualTo("Oxytocin");
    assertThat(healthwise.select(".card__source").text()).contains("Healthwise, Incorporated");
    assertThat(healthwise.text())
        .contains("Current as of April 13, 2022")
        .containsPattern("Reading grade \\d+\\.\\d");
    assertThat(healthwise.select(".badge").text()).isEqualTo("Overdue for review");
    assertThat(card(catalog, "oxytocin-noigroup").text()).contains("Not medically reviewed");
    assertThat(
            card(catalog, "oxytocin-noigroup").select(".badge").hasClass("badge--never-reviewed"))
        .isTrue();
    assertThat(card(catalog, "oxytocin-perexp").text()).contains("Written by an AI tool");
    assertThat(catalog.select("html").attr("lang")).isEqualTo("en");
  }

  @Test
  void catalogFiltersByClinicalContext() {
    assertThat(packIds(page("/?context=lactation")))
        .containsExactlyInAnyOrder("oxytocin-healthwise", "oxytocin-goaskalice", "oxytocin-perexp");
    assertThat(packIds(page("/?context=pain-management"))).containsExactly("oxytocin-noigroup");
    assertThat(packIds(page("/?context=emotional-health")))
        .containsExactlyInAnyOrder("oxytocin-loveandlife", "oxytocin-perexp");
    Document labor = page("/?context=labor-delivery");
    assertThat(labor.select(".context-tabs a[aria-current=page]").text())
        .isEqualTo("Labor and delivery");
  }

  @Test
  void catalogFiltersByReviewStateAndLanguage() {
    assertThat(packIds(page("/?review=never-reviewed")))
        .containsExactlyInAnyOrder("oxytocin-perexp", "oxytocin-noigroup", "oxytocin-loveandlife");
    assertThat(packIds(page("/?review=overdue"))).containsExactly("oxytocin-healthwise");
    // a narrower state than the form offers, from a link: the form shows it, chosen
    Document publisherOnly = page("/?review=publisher-reviewed");
    assertThat(packIds(publisherOnly)).containsExactly("oxytocin-goaskalice");
    assertThat(publisherOnly.select("select[name=review] option[selected]").eachText())
        .containsExactly("Reviewed by the publisher only");
    assertThat(page("/?review=overdue").select("select[name=review] option").eachAttr("value"))
        .containsExactly("", "current", "due-soon", "overdue", "not-medically-reviewed");
    // the content's language is ?language (?lang is the reader's, see SpanishHandoutsIT)
    assertThat(packIds(page("/?language=en-US"))).containsExactlyInAnyOrderElementsOf(PACK);
    assertThat(ids(page("/?language=fr-FR"))).isEmpty();
    assertThat(page("/?language=fr-FR").select(".results__empty")).hasSize(1);
  }

  @Test
  void catalogSearchesTheFullText() {
    assertThat(packIds(page("/?q=Healthwise"))).containsExactly("oxytocin-healthwise");
    assertThat(packIds(page("/?q=Butler"))).containsExactly("oxytocin-noigroup");
    assertThat(packIds(page("/?q=prolactin"))).containsExactly("oxytocin-goaskalice");
    assertThat(packIds(page("/?q=Romito"))).containsExactly("oxytocin-healthwise");
    assertThat(packIds(page("/?q=ChatGPT&context=lactation"))).containsExactly("oxytocin-perexp");
    assertThat(packIds(page("/?q=zzzqqqxxx"))).isEmpty();
  }

  @Test
  void catalogFormsWorkWithoutJavaScript() {
    Document catalog = page("/");
    Element form = catalog.selectFirst("form.filters");
    assertThat(form.attr("method")).isEqualToIgnoringCase("get");
    assertThat(form.select("input[name=q], select[name=review], select[name=language]")).hasSize(3);
    assertThat(catalog.select(".context-tabs a").eachAttr("href")).contains("/?context=lactation");
  }

  @Test
  void handoutShowsTheArticleAndCredits() {
    HttpResponse<String> response = get("/handouts/oxytocin-healthwise");
    assertThat(response.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(response.body());

    assertThat(page.select("html").attr("lang")).isEqualTo("en-US");
    assertThat(page.select("#credits").attr("lang")).isEqualTo("en");
    assertThat(page.select("h1").eachText()).containsExactly("Oxytocin");
    assertThat(page.select(".handout__body h2").eachText()).contains("Overview");
    assertThat(page.select(".handout__body").text()).contains("let-down reflex");
    Element credits = page.selectFirst("#credits");
    assertThat(credits.select("#credits-current dd").text()).isEqualTo("April 13, 2022");
    assertThat(credits.select("#credits-author dd").text()).isEqualTo("Healthwise Staff");
    assertThat(credits.select("#credits-review li").eachText())
        .containsExactly(
            "Sarah Marshall, MD – Family Medicine",
            "Adam Husney, MD – Family Medicine",
            "Kathleen Romito, MD – Family Medicine",
            "Kirtly Jones, MD – Obstetrics and Gynecology");
    assertThat(credits.text())
        .contains("Healthwise, Incorporated")
        .contains("1.0.0")
        .contains("© 1995- Healthwise");
    assertThat(credits.select("#disclaimer").text()).contains("does not replace the advice");
    assertThat(page.select("#banner-overdue").text())
        .contains("Overdue for medical review")
        .contains("April 13, 2022");
    assertThat(page.select("#banner-never-reviewed, #banner-ai")).isEmpty();
  }

  @Test
  void handoutLinksTheSourceAndTheOnlineCopy() {
    Document page = page("/handouts/oxytocin-goaskalice");
    assertThat(page.select("#credits-source a").attr("href"))
        .isEqualTo("https://goaskalice.columbia.edu/answered-questions/oxytocin");
    // no QR code: this server has no edu.handouts.public-base-url (WardSettingsIT has one)
    assertThat(page.select("#online-url, .online__code")).isEmpty();
    assertThat(page.select("#credits-review dd").text()).isEqualTo("No medical reviewer is named.");
  }

  @Test
  void handoutWarnsWhenNeverReviewedOrWrittenByAnAiTool() {
    Document noigroup = page("/handouts/oxytocin-noigroup");
    assertThat(noigroup.select("#banner-never-reviewed").text())
        .contains("Never medically reviewed");
    assertThat(noigroup.select("#credits-current")).isEmpty();

    Document perexp = page("/handouts/oxytocin-perexp");
    assertThat(perexp.select("#banner-ai").text())
        .contains("Written by an AI tool")
        .contains("ChatGPT");
    assertThat(perexp.select("#banner-never-reviewed")).hasSize(1);
    assertThat(perexp.select("#credits-author li").eachText()).containsExactly("ChatGPT (AI tool)");
    assertThat(perexp.select(".references li")).hasSize(2);
  }

  @Test
  void largePrintIsAClassOnThePageAndKeptInItsPdfLink() {
    Document page = page("/handouts/oxytocin-healthwise?print=large");
    assertThat(page.select("body").hasClass("large-print")).isTrue();
    assertThat(page.select("#pdf-link").attr("href")).contains("print=large");
    assertThat(page.select("#size-toggle").attr("href")).isEqualTo("/handouts/oxytocin-healthwise");
    assertThat(page("/handouts/oxytocin-healthwise").select("body").hasClass("large-print"))
        .isFalse();
  }

  @Test
  void pagesCarryAContentSecurityPolicyButTheFhirApiDoesNot() {
    for (String path :
        List.of(
            "/", "/handouts/oxytocin-healthwise", "/handouts/no-such-handout", "/no/such/page")) {
      String policy = get(path).headers().firstValue("Content-Security-Policy").orElse("");
      assertThat(policy)
          .as(path)
          .contains("default-src 'none'")
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline")
          .doesNotContain("unsafe-eval");
    }
    assertThat(get("/fhir/metadata").headers().firstValue("Content-Security-Policy")).isEmpty();
  }

  @Test
  void aCatalogPagePastEitherEndShowsTheNearestAndAWordIsRefused() {
    assertThat(packIds(page("/?page=99"))).containsExactlyInAnyOrderElementsOf(PACK);
    assertThat(packIds(page("/?page=-3"))).containsExactlyInAnyOrderElementsOf(PACK);
    assertThat(page("/").getElementById("pager")).as("one page, no pager").isNull();

    HttpResponse<String> word =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/?page=two"))
                .header("Accept", "text/html,application/xhtml+xml"));
    assertThat(word.statusCode()).isEqualTo(400);
    assertThat(word.body()).doesNotContain("Exception").doesNotContain("java.");
  }

  @Test
  void unknownHandoutGivesAFriendly404() {
    for (String path :
        List.of(
            "/handouts/no-such-handout",
            "/handouts/no-such-handout.pdf",
            "/handouts/%3Cscript%3E",
            "/no/such/page")) {
      HttpResponse<String> response =
          send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path))
                  .header("Accept", "text/html,application/xhtml+xml"));
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .as(path)
          .startsWith("text/html");
      Document page = Jsoup.parse(response.body());
      assertThat(page.select("h1").text()).as(path).isEqualTo("Handout not found");
      assertThat(page.select("a[href=/]")).as(path).isNotEmpty();
      assertThat(response.body()).doesNotContain("<script>");
    }
  }

  @Test
  void aChangeThroughTheFhirApiShowsOnTheNextPageLoad() {
    IGenericClient editor = editorClient();
    storeHandout(
        editor,
        "handouts-it-live",
        "First title for the live test",
        "<h1>First</h1><h2>Part one</h2><p>Original words.</p>");
    assertThat(page("/handouts/handouts-it-live").select("h1").text())
        .isEqualTo("First title for the live test");
    assertThat(ids(page("/?q=live"))).contains("handouts-it-live");

    storeHandout(
        editor,
        "handouts-it-live",
        "Second title for the live test",
        "<h1>Second</h1><h2>Part two</h2><p>Edited words.</p>");
    Document after = page("/handouts/handouts-it-live");
    assertThat(after.select("h1").text()).isEqualTo("Second title for the live test");
    assertThat(after.select(".handout__body").text())
        .contains("Edited words.")
        .doesNotContain("Original words.");
    // the catalog's summary of the page is read again too, not kept from before the edit
    assertThat(page("/").text())
        .contains("Second title for the live test")
        .doesNotContain("First title for the live test");

    Binary onlyTheRendition = new Binary();
    onlyTheRendition.setId("handouts-it-live-html");
    onlyTheRendition.setContentType("text/html; charset=utf-8");
    onlyTheRendition.setContent(
        "<h2>Part three</h2><p>Third words.</p>".getBytes(StandardCharsets.UTF_8));
    editor.update().resource(onlyTheRendition).execute();
    assertThat(page("/handouts/handouts-it-live").select(".handout__body").text())
        .isEqualTo("Part three Third words.");

    Library retired = editor.read().resource(Library.class).withId("handouts-it-live").execute();
    retired.setStatus(PublicationStatus.RETIRED);
    editor.update().resource(retired).execute();
    assertThat(ids(page("/"))).doesNotContain("handouts-it-live");
    assertThat(page("/handouts/handouts-it-live").select("#banner-retired")).hasSize(1);
  }

  @Test
  void hostileHtmlStoredThroughTheApiIsRenderedHarmless() {
    IGenericClient editor = editorClient();
    storeHandout(
        editor,
        "handouts-it-hostile",
        "Hostile <b>title</b> <script>alert(1)</script>",
        ArticleSanitizerTest.HOSTILE);
    Library library = editor.read().resource(Library.class).withId("handouts-it-hostile").execute();
    library.setPublisher("<img src=x onerror=alert(1)>");
    library.addRelatedArtifact(
        new RelatedArtifact()
            .setType(RelatedArtifactType.DOCUMENTATION)
            .setUrl("javascript:alert(document.cookie)"));
    editor.update().resource(library).execute();
    HttpResponse<String> response = get("/handouts/handouts-it-hostile");
    assertThat(response.statusCode()).isEqualTo(200);
    Document page = Jsoup.parse(response.body());

    assertThat(page.select("h1").text())
        .isEqualTo("Hostile <b>title</b> <script>alert(1)</script>");
    assertThat(page.select("script").eachAttr("src"))
        .allMatch(src -> src.equals("/js/handouts.js"));
    assertThat(
            page.select(
                "iframe, object, embed, form, style, base, meta[http-equiv], .handout__body img"))
        .isEmpty();
    page.getAllElements()
        .forEach(
            element ->
                element
                    .attributes()
                    .forEach(
                        attribute -> {
                          assertThat(attribute.getKey()).doesNotStartWith("on");
                          assertThat(attribute.getValue().toLowerCase())
                              .doesNotContain("javascript:");
                        }));
    assertThat(page.select(".handout__body p").eachText()).contains("Safe text stays.");
    assertThat(page.select(".handout__publisher").text()).isEqualTo("<img src=x onerror=alert(1)>");
    assertThat(page.select("#credits-source a")).isEmpty();

    // Out of the catalog again, so the other tests (and the README's screenshots) see only the
    // pack.
    library = editor.read().resource(Library.class).withId("handouts-it-hostile").execute();
    library.setStatus(PublicationStatus.RETIRED);
    editor.update().resource(library).execute();
  }

  /**
   * Stores (or replaces) a Library and its HTML rendition through the FHIR API, as an editor would.
   */
  static void storeHandout(IGenericClient editor, String id, String title, String html) {
    Binary binary = new Binary();
    binary.setId(id + "-html");
    binary.setContentType("text/html; charset=utf-8");
    binary.setContent(html.getBytes(StandardCharsets.UTF_8));
    editor.update().resource(binary).execute();

    Library library = TestLibraries.draft(id, title, "A live handout for the integration tests.");
    library.setLanguage("en-US");
    library.setPublisher("Handouts integration test");
    library.addContent(
        new Attachment()
            .setContentType("text/html; charset=utf-8")
            .setUrl("Binary/" + id + "-html"));
    editor.update().resource(library).execute();
  }

  private Document page(String pathAndQuery) {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)));
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
    return Jsoup.parse(response.body(), baseUrl());
  }

  private static Element card(Document catalog, String id) {
    Element card = catalog.getElementById("handout-" + id);
    assertThat(card).as("card of " + id).isNotNull();
    return card;
  }

  private static List<String> ids(Document catalog) {
    return catalog.select("li.card").eachAttr("id").stream()
        .map(id -> id.substring("handout-".length()))
        .toList();
  }

  private static List<String> packIds(Document catalog) {
    return ids(catalog).stream().filter(PACK::contains).toList();
  }
}
