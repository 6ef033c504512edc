package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patientedu.testing.RunningServerTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The PDFs, read back with PDFBox: text, footer, fonts, tagging, paper, print size, page breaks.
 */
class HandoutPdfIT extends RunningServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** The server's own "today" (the review policy's clock), which the footer prints. */
  @Autowired private Clock clock;

  /**
   * Text lower than this on the page (from the top, in points) belongs to the footer's margin box.
   */
  private static final float FOOTER_TOP_FROM_BOTTOM = 24 / 25.4f * 72;

  @Test
  void pdfCarriesTheReviewersAndTheCurrentAsOfDate() throws IOException {
    try (PDDocument pdf = pdf("/handouts/oxytocin-healthwise.pdf")) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text)
          .contains(
              "Sarah Marshall, MD",
              "Adam Husney, MD",
              "Kathleen Romito, MD",
              "Kirtly Jones, MD",
              "Obstetrics and Gynecology");
      assertThat(text)
          .contains("Current as of April 13, 2022")
          .contains("Overdue for medical review")
          .contains("does not replace the advice");
    }
  }

  @Test
  void everyPageHasTheFooter() throws IOException {
    String printed = StatedDate.of(LocalDate.now(clock)).format(Locale.US);
    for (String id : HandoutPagesIT.PACK) {
      try (PDDocument pdf = pdf("/handouts/" + id + ".pdf?print=large")) {
        String title = Jsoup.parse(get("/handouts/" + id).body()).select("h1").text();
        int pages = pdf.getNumberOfPages();
        assertThat(pages).as(id).isPositive();
        for (int page = 1; page <= pages; page++) {
          String footer = footerText(pdf, page);
          assertThat(footer)
              .as(id + " page " + page)
              .contains("Page " + page + " of " + pages)
              .contains("Version 1.0.0")
              .contains("Printed " + printed)
              .contains(title);
        }
      }
    }
  }

  @Test
  void pdfIsTaggedWithItsLanguageAndTitleAndEmbedsItsFonts() throws IOException {
    try (PDDocument pdf = pdf("/handouts/oxytocin-perexp.pdf")) {
      var catalog = pdf.getDocumentCatalog();
      assertThat(catalog.getMarkInfo()).isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(catalog.getStructureTreeRoot()).isNotNull();
      assertThat(catalog.getLanguage()).isEqualTo("en-US");
      assertThat(pdf.getDocumentInformation().getTitle())
          .isEqualTo("What is oxytocin, what does it do, what are the symptoms of deficiency?");
      List<String> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          fonts.add(font.getName());
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      assertThat(fonts).isNotEmpty().allMatch(name -> name.contains("DejaVuSans"));
      assertThat(new PDFTextStripper().getText(pdf))
          .contains("Written by an AI tool")
          .contains("ChatGPT");
    }
  }

  /**
   * This server has no edu.handouts.public-base-url: no QR code at all, never one for the address
   * the request came in on (issue 9, item 10). WardSettingsIT decodes the one a configured ward
   * prints.
   */
  @Test
  void withoutAPublicAddressThePdfHasNoQrCode() throws IOException {
    try (PDDocument pdf = pdf("/handouts/oxytocin-healthwise.pdf")) {
      assertThat(pdf.getNumberOfPages()).isPositive();
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getXObjectNames()) {
          assertThat(page.getResources().getXObject(name))
              .as("an image on the page")
              .isNotInstanceOf(PDImageXObject.class);
        }
      }
      assertThat(new PDFTextStripper().getText(pdf)).doesNotContain("localhost");
    }
  }

  @Test
  void pdfComesOnUsLetterOrA4() throws IOException {
    try (PDDocument letter = pdf("/handouts/oxytocin-healthwise.pdf?paper=letter");
        PDDocument a4 = pdf("/handouts/oxytocin-healthwise.pdf?paper=a4")) {
      assertThat(letter.getPage(0).getMediaBox().getWidth())
          .isCloseTo(612f, org.assertj.core.data.Offset.offset(1f));
      assertThat(letter.getPage(0).getMediaBox().getHeight())
          .isCloseTo(792f, org.assertj.core.data.Offset.offset(1f));
      assertThat(a4.getPage(0).getMediaBox().getWidth())
          .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
      assertThat(a4.getPage(0).getMediaBox().getHeight())
          .isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
    }
  }

  static List<Object[]> printSizes() {
    List<Object[]> cases = new ArrayList<>();
    for (String id : HandoutPagesIT.PACK) {
      cases.add(new Object[] {id, false, 12f});
      cases.add(new Object[] {id, true, 18f});
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} large={1}")
  @MethodSource("printSizes")
  void textIsAtLeastThePrintSizeAndNoHeadingEndsAPage(String id, boolean large, float minimumPt)
      throws IOException {
    String query = large ? "?print=large" : "?paper=a4";
    List<String> headings =
        Jsoup.parse(get("/handouts/" + id).body())
            .select("main h1, main h2, main h3, main dt")
            .eachText();
    try (PDDocument pdf = pdf("/handouts/" + id + ".pdf" + query)) {
      if (large) {
        try (PDDocument standard = pdf("/handouts/" + id + ".pdf")) {
          assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(standard.getNumberOfPages());
        }
      }
      assertThat(pdf.getNumberOfPages()).isPositive();
      for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
        PageText text = pageText(pdf, page);
        assertThat(text.bodyLines()).as("%s page %d has body text", id, page).isNotEmpty();
        assertThat(text.smallestBodyPt())
            .as("%s page %d: some text was measured", id, page)
            .isLessThan(Float.MAX_VALUE);
        assertThat(text.smallestBodyPt())
            .as("%s page %d smallest text", id, page)
            .isGreaterThanOrEqualTo(minimumPt - 0.1f);
        if (page < pdf.getNumberOfPages()) {
          String lastLine = text.lastBodyLine();
          assertThat(headings)
              .as("%s page %d ends with \"%s\"", id, page, lastLine)
              .noneMatch(heading -> heading.equals(lastLine) || heading.endsWith(lastLine));
        }
      }
    }
  }

  @Test
  void unknownIdGivesTheFriendly404Page() {
    HttpResponse<String> response = get("/handouts/no-such-handout.pdf");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(Jsoup.parse(response.body()).select("main h1").text())
        .isEqualTo("Handout not found");
    assertThat(response.body())
        .contains("We could not find that handout. The link may be wrong")
        .doesNotContain("%PDF");
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
      assertThat(response.headers().firstValue("Content-Type"))
          .as(path)
          .contains("application/pdf");
      return Loader.loadPDF(response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The text of one page, split into the body and the footer's margin box by position. */
  record PageText(List<String> bodyLines, String footer, float smallestBodyPt) {
    String lastBodyLine() {
      return bodyLines.isEmpty() ? "" : bodyLines.get(bodyLines.size() - 1);
    }
  }

  private static String footerText(PDDocument pdf, int page) throws IOException {
    return pageText(pdf, page).footer();
  }

  private static PageText pageText(PDDocument pdf, int page) throws IOException {
    float footerTop = pdf.getPage(page - 1).getMediaBox().getHeight() - FOOTER_TOP_FROM_BOTTOM;
    Map<Integer, StringBuilder> bodyLines = new TreeMap<>();
    Map<Integer, StringBuilder> footerLines = new TreeMap<>();
    float[] smallest = {Float.MAX_VALUE};
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) {
            if (positions.isEmpty() || text.isBlank()) {
              return;
            }
            float y = positions.get(0).getYDirAdj();
            boolean inFooter = y > footerTop;
            (inFooter ? footerLines : bodyLines)
                .computeIfAbsent(Math.round(y), k -> new StringBuilder())
                .append(text.strip())
                .append(' ');
            if (!inFooter) {
              for (TextPosition position : positions) {
                if (!position.getUnicode().isBlank()) {
                  smallest[0] = Math.min(smallest[0], position.getFontSizeInPt());
                }
              }
            }
          }
        };
    stripper.setSortByPosition(true);
    stripper.setStartPage(page);
    stripper.setEndPage(page);
    stripper.getText(pdf);
    List<String> body = bodyLines.values().stream().map(line -> line.toString().strip()).toList();
    String footer =
        String.join(
            " ", footerLines.values().stream().map(line -> line.toString().strip()).toList());
    return new PageText(body, footer, smallest[0]);
  }
}
