package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Library;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;

/**
 * Issue 9 on the running server, as a nurse and an auditor read the pages, the PDFs and the FHIR
 * resources: every expectation is read off the seed page (fhir-resources/&lt;id&gt;/source.txt) or
 * written by hand from it, never taken from the product's own output.
 */
class HonestHandoutsIT extends RunningServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> DRAFTS =
      List.of(
          "oxytocin-goaskalice", "oxytocin-perexp", "oxytocin-noigroup", "oxytocin-loveandlife");
  private static final String PUBLISHER_REVIEW =
      "Last reviewed by the publisher on February 13, 2015; no medical reviewer is named";

  // --- item 1: a review by a publisher that names no clinician is not a medical review ----------

  @Test
  void goAskAlicesSiteReviewIsShownAsAPublisherReviewEverywhere() throws IOException {
    String source = source("oxytocin-goaskalice");
    assertThat(source).contains("Last reviewed on:").doesNotContain("Medical Review");

    Document handout = page("/handouts/oxytocin-goaskalice");
    assertThat(handout.select("#banner-publisher-reviewed").text()).contains(PUBLISHER_REVIEW);
    assertThat(handout.select("#banner-overdue")).isEmpty();
    assertThat(handout.text()).doesNotContainIgnoringCase("medically reviewed on");
    assertThat(handout.select("#credits-publisher-reviewed dd").text())
        .isEqualTo("February 13, 2015; no medical reviewer is named");

    String pdf = pdfText("/handouts/oxytocin-goaskalice.pdf");
    assertThat(oneLine(pdf))
        .contains(PUBLISHER_REVIEW)
        .doesNotContainIgnoringCase("medically reviewed on");

    Element card = page("/").getElementById("handout-oxytocin-goaskalice");
    assertThat(card.text()).contains(PUBLISHER_REVIEW).doesNotContain("Current as of");
    assertThat(ids(page("/?review=not-medically-reviewed")))
        .contains("oxytocin-goaskalice", "oxytocin-perexp", "oxytocin-noigroup")
        .doesNotContain("oxytocin-healthwise");

    Library library = read(Library.class, "oxytocin-goaskalice");
    assertThat(library.getStatus().toCode()).isEqualTo("draft");
    assertThat(library.getText().getDivAsString()).contains(PUBLISHER_REVIEW);
    assertThat(read(DocumentReference.class, "oxytocin-goaskalice").getDocStatus().toCode())
        .isEqualTo("preliminary");
  }

  // --- item 2: each date in the element whose meaning it has ------------------------------------

  @Test
  void currentAsOfOnlyWhereTheSourceSaysSoAndNoInventedApproval() throws IOException {
    assertThat(source("oxytocin-healthwise")).contains("Current as of: April 13, 2022");
    Document healthwise = page("/handouts/oxytocin-healthwise");
    assertThat(healthwise.select("#handout-meta").text()).contains("Current as of April 13, 2022");
    assertThat(healthwise.select("#credits-current dd").text()).isEqualTo("April 13, 2022");
    for (String id : DRAFTS) {
      assertThat(source(id)).doesNotContain("Current as of");
      Document page = page("/handouts/" + id);
      assertThat(page.text()).as(id).doesNotContain("Current as of");
      assertThat(page.select("#credits-approved")).as(id).isEmpty();
      assertThat(oneLine(pdfText("/handouts/" + id + ".pdf")))
          .as(id)
          .doesNotContain("Current as of");
    }
    assertThat(source("oxytocin-goaskalice")).contains("Published date:\n\nFeb 11, 2011");
    assertThat(page("/handouts/oxytocin-goaskalice").select("#credits-published dd").text())
        .isEqualTo("February 11, 2011");

    Library healthwiseLibrary = read(Library.class, "oxytocin-healthwise");
    assertThat(healthwiseLibrary.hasApprovalDate()).as("no source states an approval").isFalse();
    assertThat(healthwiseLibrary.getEffectivePeriod().hasStart()).isFalse();
    assertThat(healthwiseLibrary.getLastReviewDateElement().getValueAsString())
        .isEqualTo("2022-04-13");
    assertThat(healthwiseLibrary.getText().getDivAsString()).doesNotContain("approved April");
    for (String id : DRAFTS) {
      Library draft = read(Library.class, id);
      assertThat(draft.hasApprovalDate()).as(id).isFalse();
      assertThat(draft.hasEffectivePeriod()).as("%s: a draft is not in use", id).isFalse();
    }
  }

  // --- item 4: drafts never print like approved handouts ----------------------------------------

  @Test
  void everyDraftCarriesItsMarkOnThePageOnEveryPdfPageAndInTheCatalog() throws IOException {
    Document catalog = page("/");
    for (String id : DRAFTS) {
      assertThat(page("/handouts/" + id).select("#banner-draft").text())
          .as(id)
          .contains("Draft: not approved for use with patients");
      assertThat(catalog.getElementById("handout-" + id).select(".card__flag--draft").text())
          .as(id)
          .isEqualTo("Draft: not approved for use with patients");
      for (String query : List.of("", "?print=large")) {
        try (PDDocument pdf = pdf("/handouts/" + id + ".pdf" + query)) {
          assertThat(pdf.getNumberOfPages()).isPositive();
          for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            String first = stripper.getText(pdf).strip().lines().findFirst().orElse("");
            assertThat(first)
                .as("%s%s page %d starts with the draft mark", id, query, page)
                .isEqualToIgnoringCase("Draft: not approved for use with patients");
          }
        }
      }
    }
    assertThat(page("/handouts/oxytocin-healthwise").select("#banner-draft")).isEmpty();
    assertThat(catalog.getElementById("handout-oxytocin-healthwise").select(".card__flag--draft"))
        .isEmpty();
    assertThat(pdfText("/handouts/oxytocin-healthwise.pdf")).doesNotContainIgnoringCase("draft");
  }

  // --- item 5: the source's own text
  // --------------------------------------------------------------

  @Test
  void healthwisesOwnDisclaimerIsPrintedAndTheGenericOneOnlyWhereTheSourceHasNone()
      throws IOException {
    String disclaimer =
        Arrays.stream(source("oxytocin-healthwise").split("\n"))
            .filter(
                line ->
                    line.startsWith("This information does not replace the advice of a doctor."))
            .findFirst()
            .orElseThrow();
    Document healthwise = page("/handouts/oxytocin-healthwise");
    assertThat(healthwise.select("#disclaimer").text()).isEqualTo(disclaimer);
    assertThat(oneLine(pdfText("/handouts/oxytocin-healthwise.pdf")))
        .contains("Healthwise, Incorporated disclaims any warranty or liability");
    String generic = "This information does not replace the advice of your doctor, nurse";
    assertThat(healthwise.text()).doesNotContain(generic);
    for (String id : DRAFTS) {
      assertThat(source(id)).doesNotContain("does not replace the advice");
      assertThat(page("/handouts/" + id).select("#disclaimer").text()).as(id).startsWith(generic);
    }
  }

  @Test
  void perExpsCitationAndNoigroupsInlineReferenceArePrinted() throws IOException {
    String citation =
        "ChatGPT. (2023, September 7). What is oxytocin, what does it do, what are the symptoms of"
            + " deficiency? PerEXP Teamworks.";
    assertThat(source("oxytocin-perexp")).contains(citation);
    assertThat(page("/handouts/oxytocin-perexp").select("#credits-cite-as dd").text())
        .isEqualTo(citation);
    assertThat(oneLine(pdfText("/handouts/oxytocin-perexp.pdf"))).contains("PerEXP Teamworks.");
    assertThat(source("oxytocin-noigroup")).contains("Paul Zaks (2012) “Moral Molecule”");
    assertThat(page("/handouts/oxytocin-noigroup").select("#references li").eachText())
        .contains("Paul Zaks (2012) “Moral Molecule”");
  }

  // --- item 6: site promotion is not article ---------------------------------------------------

  @Test
  void noigroupsPromotionIsInNoHandout() throws IOException {
    assertThat(source("oxytocin-noigroup"))
        .contains("Explain Pain 2nd Ed", "We have collected over 100 of these for a book");
    for (String promotion :
        List.of("Explain Pain 2nd Ed", "get your hands on a copy", "We have collected over 100")) {
      assertThat(page("/handouts/oxytocin-noigroup").text()).doesNotContain(promotion);
      assertThat(oneLine(pdfText("/handouts/oxytocin-noigroup.pdf"))).doesNotContain(promotion);
      assertThat(get("/fhir/Binary/oxytocin-noigroup-text").body()).doesNotContain(promotion);
    }
  }

  // --- item 7: small mislabels ------------------------------------------------------------------

  @Test
  void unreviewedCreditsNeverSayCurrentAsOf() {
    for (String id : List.of("oxytocin-perexp", "oxytocin-noigroup", "oxytocin-loveandlife")) {
      Element credits = page("/handouts/" + id).selectFirst("#credits");
      assertThat(credits.text()).as(id).doesNotContain("Current as of");
      assertThat(credits.select("#credits-review dd").text())
          .isEqualTo("No medical reviewer is named.");
    }
  }

  @Test
  void theAiPagesDocumentNarrativeSaysAnAiToolWroteIt() {
    assertThat(source("oxytocin-perexp")).contains("APA 7: ChatGPT.");
    DocumentReference document = read(DocumentReference.class, "oxytocin-perexp");
    assertThat(document.getText().getDivAsString()).contains("Written by an AI tool (ChatGPT)");
    // in the catalog, as loud as the handout's banner: a flagged block, not small print
    Element flag =
        page("/").getElementById("handout-oxytocin-perexp").selectFirst(".card__flag--ai");
    assertThat(flag).isNotNull();
    assertThat(flag.text()).isEqualTo("Written by an AI tool (ChatGPT)");
  }

  @Test
  void everyNarrativeSaysItsLanguage() {
    for (String id : HandoutPagesIT.PACK) {
      for (DomainResource resource :
          List.<DomainResource>of(read(Library.class, id), read(DocumentReference.class, id))) {
        Document div = Jsoup.parse(resource.getText().getDivAsString());
        Element root = div.selectFirst("div");
        assertThat(root.attr("lang")).as(id).isEqualTo("en-US");
        assertThat(root.attr("xml:lang")).as(id).isEqualTo("en-US");
      }
    }
  }

  @Test
  void theCreditsBoxIsNeverSplitAcrossPdfPages() throws IOException {
    for (String id : HandoutPagesIT.PACK) {
      try (PDDocument pdf = pdf("/handouts/" + id + ".pdf")) {
        // from the box's heading to its last line, the disclaimer: all on one page
        List<Integer> heading = new ArrayList<>();
        List<Integer> disclaimer = new ArrayList<>();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
          PDFTextStripper stripper = new PDFTextStripper();
          stripper.setStartPage(page);
          stripper.setEndPage(page);
          String text = oneLine(stripper.getText(pdf));
          if (text.contains("Credits")) {
            heading.add(page);
          }
          if (text.contains("does not replace the advice")) {
            disclaimer.add(page);
          }
        }
        assertThat(heading).as(id).hasSize(1);
        assertThat(disclaimer).as(id).isEqualTo(heading);
      }
    }
  }

  // --- item 10: the QR code ----------------------------------------------------------------------

  @Test
  void noQrCodeWithoutAConfiguredPublicAddressAndAHugeHostHeaderIsNoError() throws Exception {
    // this server has no edu.handouts.public-base-url
    Document page = page("/handouts/oxytocin-healthwise");
    assertThat(page.select("#online, .online__code, #online-url")).isEmpty();
    assertThat(page.text()).doesNotContain("localhost");
    assertThat(oneLine(pdfText("/handouts/oxytocin-healthwise.pdf"))).doesNotContain("localhost");
    String hugeHost = "h".repeat(3000) + ".example";
    try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET /handouts/oxytocin-healthwise HTTP/1.1\r\nHost: "
                      + hugeHost
                      + "\r\nConnection: close\r\n\r\n")
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      String answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain(hugeHost);
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static String source(String id) {
    try {
      return Files.readString(Path.of("fhir-resources", id, "source.txt"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private <T extends DomainResource> T read(Class<T> type, String id) {
    return anonymousClient().read().resource(type).withId(id).execute();
  }

  private Document page(String pathAndQuery) {
    HttpResponse<String> response = get(pathAndQuery);
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
    return Jsoup.parse(response.body(), baseUrl());
  }

  private static List<String> ids(Document catalog) {
    return catalog.select("li.card").eachAttr("id").stream()
        .map(id -> id.substring("handout-".length()))
        .toList();
  }

  private String pdfText(String path) throws IOException {
    try (PDDocument pdf = pdf(path)) {
      return new PDFTextStripper().getText(pdf);
    }
  }

  /** PDF text wraps lines anywhere: compare with line breaks as spaces. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ");
  }

  private PDDocument pdf(String path) throws IOException {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path))
                  .header("Accept-Language", "en-US")
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      return Loader.loadPDF(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
