package org.patientedu.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.ig.IgPackage;

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

  /** The override reasons a card offers are the guide's code system, code for code. */
  @Test
  void theOverrideReasonsAreTheGuidesCodes() throws Exception {
    CodeSystem reasons =
        IgPackage.fromClasspath().resources(CodeSystem.class, FhirContext.forR4Cached()).stream()
            .filter(c -> PackTerminology.CDS_OVERRIDE_REASON_SYSTEM.equals(c.getUrl()))
            .findFirst()
            .orElseThrow();
    assertThat(reasons.getUrl()).isEqualTo(PackTerminology.CDS_OVERRIDE_REASON_SYSTEM);
    assertThat(
            reasons.getConcept().stream()
                .collect(Collectors.toMap(c -> c.getCode(), c -> c.getDisplay())))
        .isEqualTo(
            Arrays.stream(CardBuilder.OverrideReason.values())
                .collect(Collectors.toMap(r -> r.code, r -> r.display)));
  }

  @Test
  void pageTextIsEscapedForMarkdown() {
    assertThat(CardBuilder.escape("Use *only* [as told] <b>"))
        .isEqualTo("Use \\*only\\* \\[as told\\] \\<b\\>");
  }
}
