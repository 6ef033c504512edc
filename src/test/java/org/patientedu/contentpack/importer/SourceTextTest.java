package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.Text;

/**
 * Issue 9, items 5 and 6: the source's own words are kept where they belong (its disclaimer, its
 * citation of itself, the references it makes in its text), and the site's promotion is not. Every
 * expected string is copied by hand from the seed pages.
 */
class SourceTextTest {

  @Test
  void healthwisesOwnDisclaimerIsKeptWordForWord() {
    String source = PackFixtures.source("oxytocin-healthwise");
    String disclaimer =
        Arrays.stream(source.split("\n"))
            .filter(line -> line.startsWith("This information does not replace the advice"))
            .findFirst()
            .orElseThrow();
    assertThat(disclaimer)
        .contains("Healthwise, Incorporated disclaims any warranty or liability")
        .endsWith("make better health decisions.");
    Library library = PackFixtures.library("oxytocin-healthwise");
    assertThat(
            library.getExtensionByUrl(PackTerminology.EXT_DISCLAIMER).getValue().primitiveValue())
        .isEqualTo(disclaimer);
    // the pages that state none carry none
    for (String id :
        List.of(
            "oxytocin-goaskalice",
            "oxytocin-perexp",
            "oxytocin-noigroup",
            "oxytocin-loveandlife")) {
      assertThat(PackFixtures.library(id).getExtensionByUrl(PackTerminology.EXT_DISCLAIMER))
          .as(id)
          .isNull();
    }
  }

  @Test
  void perExpsOwnCitationIsThePagesCitation() {
    String citation =
        "ChatGPT. (2023, September 7). What is oxytocin, what does it do, what are the symptoms of"
            + " deficiency? PerEXP Teamworks.";
    assertThat(PackFixtures.source("oxytocin-perexp"))
        .contains("APA 7: " + citation + " [Article Link]");
    Library library = PackFixtures.library("oxytocin-perexp");
    assertThat(
            library
                .getExtensionByUrl(PackTerminology.EXT_ARTIFACT_CITE_AS)
                .getValue()
                .primitiveValue())
        .isEqualTo(citation);
    assertThat(PackFixtures.textRendition("oxytocin-perexp")).contains("Cite as: " + citation);
    assertThat(PackFixtures.htmlText("oxytocin-perexp")).contains("Cite as: " + citation);
  }

  @Test
  void noigroupsInlineReferenceJoinsItsReferences() {
    String reference = "Paul Zaks (2012) “Moral Molecule”";
    assertThat(PackFixtures.source("oxytocin-noigroup")).contains(reference + " is worth a read");
    Library library = PackFixtures.library("oxytocin-noigroup");
    assertThat(
            library.getRelatedArtifact().stream()
                .filter(a -> a.getType() == RelatedArtifact.RelatedArtifactType.CITATION)
                .map(RelatedArtifact::getCitation)
                .toList())
        .containsExactly(
            "Guzman YF et al 2013 Nature Neuroscience 16: 1185",
            "Rash JA et al 2014 Clin J Pain 30: 453",
            "Nagasawa M et al 2009 Hormones and Behavior 55: 434-441",
            reference);
    // the sentence that names it stays in the article
    assertThat(PackFixtures.textRendition("oxytocin-noigroup"))
        .contains("Paul Zaks (2012) “Moral Molecule” is worth a read here too.");
  }

  @Test
  void noigroupsPromotionAndSeriesBlurbAreDroppedAndReported() {
    // the source has no-break spaces in the promotion: compare normalised text
    String source = Text.normalize(PackFixtures.source("oxytocin-noigroup"));
    List<String> promotion =
        List.of(
            "Explain Pain 2nd Ed",
            "bursting at the seams with the latest and greatest neuroscience nuggets",
            "click on the links to get your hands on a copy",
            "We have collected over 100 of these for a book",
            "“Neuroscience nuggets”");
    Library library = PackFixtures.library("oxytocin-noigroup");
    for (String words : promotion) {
      assertThat(source).contains(words);
      assertThat(PackFixtures.textRendition("oxytocin-noigroup")).doesNotContain(words);
      assertThat(PackFixtures.htmlText("oxytocin-noigroup")).doesNotContain(words);
      assertThat(library.getText().getDivAsString()).doesNotContain(words);
      assertThat(PackFixtures.documentReference("oxytocin-noigroup").getText().getDivAsString())
          .doesNotContain(words);
    }
    String report =
        PackFixtures.read(PackFixtures.PACK.resolve("oxytocin-noigroup/import-report.txt"));
    assertThat(report)
        .contains("[site promotion] Explain Pain 2nd Ed, the Graded Motor Imagery Handbook")
        .contains("[series blurb] Neuroscience nuggets are information nuggets")
        .contains("[series heading] “Neuroscience nuggets”");
  }
}
