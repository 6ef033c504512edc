package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.building.PackEntry;
import org.patientedu.contentpack.building.PackEntryBuilder;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.CreditField;
import org.patientedu.contentpack.page.ImportSettings;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.reading.PageParser;

class UnknownLayoutTest {

  private static final String PAGE =
      """

            Hormones After Birth

            After birth, several hormones change quickly. Some people notice mood changes in the first week.

            Talk to your care team if low mood lasts more than two weeks.
            """;

  private final ParsedPage page = new PageParser().parse(PAGE, "notes.txt");

  @Test
  void importsWhatItFinds() {
    assertThat(page.title()).isEqualTo("Hormones After Birth");
    assertThat(page.article())
        .containsExactly(
            Block.paragraph(
                "After birth, several hormones change quickly. Some people notice mood changes in the first week."),
            Block.paragraph("Talk to your care team if low mood lasts more than two weeks."));
  }

  @Test
  void reportsEveryMissingCreditField() {
    EnumSet<CreditField> allButTitle = EnumSet.allOf(CreditField.class);
    allButTitle.remove(CreditField.TITLE);
    assertThat(page.report().missing()).containsExactlyInAnyOrderElementsOf(allButTitle);
    assertThat(page.report().found()).containsOnlyKeys(CreditField.TITLE);
    assertThat(page.report().render())
        .contains("Fields not found", "author", "published date", "publisher");
  }

  @Test
  void inventsNothingInTheResources() {
    ImportSettings settings =
        new ImportSettings(
            "hormones-after-birth",
            List.of(ContextTag.untriaged(ClinicalContext.EMOTIONAL_HEALTH)),
            "en-US",
            "1.0.0",
            null,
            "source.txt");
    PackEntry entry = PackEntryBuilder.build(page, settings);
    Library library = entry.library();
    assertThat(library.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(library.getAuthor()).isEmpty();
    assertThat(library.getReviewer()).isEmpty();
    assertThat(library.hasPublisher()).isFalse();
    assertThat(library.hasCopyright()).isFalse();
    assertThat(library.getDateElement().hasValue()).isFalse();
    assertThat(library.getDateElement().hasExtension(PackTerminology.EXT_DATA_ABSENT_REASON))
        .isTrue();
    assertThat(library.hasEffectivePeriod()).isFalse();
    assertThat(library.getRelatedArtifact()).isEmpty();
    DocumentReference doc = entry.documentReference();
    assertThat(doc.getAuthor()).isEmpty();
    assertThat(doc.getDateElement().hasValue()).isFalse();
    String text = new String(entry.textBinary().getData(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text)
        .contains(
            "Author: not stated by the source.",
            "Date: not stated by the source.",
            "Not medically reviewed.");
  }
}
