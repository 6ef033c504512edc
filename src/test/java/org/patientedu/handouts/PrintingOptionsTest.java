package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.ClinicalContext;

/** The small value types behind the pages' links and filters. */
class PrintingOptionsTest {

  @Test
  void largePrintAndPaperComeFromTheQuery() {
    assertThat(PrintOptions.of("large", "a4", Locale.US))
        .isEqualTo(new PrintOptions(true, PrintOptions.Paper.A4));
    assertThat(PrintOptions.of(null, null, Locale.US))
        .isEqualTo(new PrintOptions(false, PrintOptions.Paper.LETTER));
    assertThat(PrintOptions.of("huge", "legal", Locale.UK))
        .isEqualTo(new PrintOptions(false, PrintOptions.Paper.A4));
  }

  @Test
  void handoutLinksKeepThePrintSize() {
    HandoutLinks large =
        HandoutLinks.of("oxytocin-healthwise", new PrintOptions(true, PrintOptions.Paper.LETTER));
    assertThat(large.page()).isEqualTo("/handouts/oxytocin-healthwise?print=large");
    assertThat(large.otherSize()).isEqualTo("/handouts/oxytocin-healthwise");
    assertThat(large.pdf()).isEqualTo("/handouts/oxytocin-healthwise.pdf?print=large&paper=letter");
    assertThat(large.pdfA4()).isEqualTo("/handouts/oxytocin-healthwise.pdf?print=large&paper=a4");
  }

  @Test
  void catalogFilterDropsWhatItDoesNotKnow() {
    CatalogFilter filter = CatalogFilter.of("  oxytocin ", "no-such-context", "bogus", "");
    assertThat(filter).isEqualTo(new CatalogFilter("oxytocin", null, null, null));
    assertThat(CatalogFilter.of(null, "lactation", "overdue", "en-US"))
        .isEqualTo(
            new CatalogFilter(null, ClinicalContext.LACTATION, ReviewFilter.OVERDUE, "en-US"));
    assertThat(CatalogFilter.of(null, null, "not-medically-reviewed", null).review())
        .isEqualTo(ReviewFilter.NOT_MEDICALLY_REVIEWED);
    assertThat(CatalogFilter.of(" ", null, null, null).isEmpty()).isTrue();
  }

  @Test
  void datesShowAsPreciselyAsTheSourceStatesThem() {
    LocalDate day = LocalDate.of(2022, 4, 13);
    assertThat(StatedDate.of(day).format(Locale.US)).isEqualTo("April 13, 2022");
    assertThat(
            new StatedDate(LocalDate.of(2010, 4, 1), StatedDate.Precision.MONTH).format(Locale.US))
        .isEqualTo("April 2010");
    assertThat(new StatedDate(LocalDate.of(2010, 1, 1), StatedDate.Precision.YEAR).iso())
        .isEqualTo("2010");
  }

  @Test
  void qrCodeIsASelfContainedSvgAndAPng() {
    String svg = QrCodes.svg("http://localhost:8080/handouts/oxytocin-healthwise");
    assertThat(svg)
        .startsWith("<svg")
        .contains("viewBox=\"0 0 ")
        .contains("<path d=\"M")
        .endsWith("</svg>")
        .doesNotContain("<script")
        .doesNotContain("href");
    String png = QrCodes.pngDataUri("http://localhost:8080/handouts/oxytocin-healthwise");
    byte[] bytes =
        java.util.Base64.getDecoder().decode(png.substring("data:image/png;base64,".length()));
    assertThat(bytes).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }
}
