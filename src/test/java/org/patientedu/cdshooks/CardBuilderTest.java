package org.patientedu.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The card's texts: CDS Hooks' summary limit, and page text never read as Markdown. */
class CardBuilderTest {

  @Test
  void aSummaryStaysUnder140CharactersAndSaysTheReviewState() {
    assertThat(CardBuilder.summary("Oxytocin", null)).isEqualTo("Patient education: Oxytocin");
    assertThat(CardBuilder.summary("Oxytocin", "Overdue for review"))
        .isEqualTo("Patient education (overdue for review): Oxytocin");
    String longTitle = "Breastfeeding: ".repeat(20);
    String summary = CardBuilder.summary(longTitle, "Overdue for review");
    assertThat(summary)
        .hasSizeLessThan(140)
        .startsWith("Patient education (overdue for review): Breastfeeding:")
        .endsWith("…");
  }

  @Test
  void pageTextIsEscapedForMarkdown() {
    assertThat(CardBuilder.escape("Use *only* [as told] <b>"))
        .isEqualTo("Use \\*only\\* \\[as told\\] \\<b\\>");
  }
}
