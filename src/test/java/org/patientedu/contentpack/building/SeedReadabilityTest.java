package org.patientedu.contentpack.building;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.readability.Readability;
import org.patientedu.contentpack.reading.PageParser;

/**
 * Readability of two seed pages against values counted by hand, and the same values in the pack.
 * Words and sentences were counted sentence by sentence from the article (title and headings are
 * one sentence each); syllables follow the documented vowel-group rule.
 */
class SeedReadabilityTest {

  @Test
  void healthwisePage() throws IOException {
    // Title 1 + "Overview" 1 + sentences of 12, 8, 31, 22 | 23, 17 | 13, 16 words = 144 words, 10
    // sentences.
    // 0.39 × 144/10 + 11.8 × 243/144 − 15.59 = 5.616 + 19.913 − 15.59 = 9.94 → 9.9
    assertReadability("oxytocin-healthwise", 144, 10, 243, "9.9", 1);
  }

  @Test
  void goAskAlicePage() throws IOException {
    // 9 blocks: the title, "Dear Alice,", the question (2 sentences), "Answer", "Dear Reader,",
    // then
    // answer paragraphs of 3, 4, 5 and 3 sentences = 21 sentences, 354 words (the signature is a
    // credit).
    // 0.39 × 354/21 + 11.8 × 635/354 − 15.59 = 6.574 + 21.167 − 15.59 = 12.15 → 12.2
    assertReadability("oxytocin-goaskalice", 354, 21, 635, "12.2", 2);
  }

  private static void assertReadability(
      String id, int words, int sentences, int syllables, String grade, int minutes)
      throws IOException {
    Path folder = Path.of("fhir-resources", id);
    ParsedPage page =
        new PageParser().parse(Files.readString(folder.resolve("source.txt")), "source.txt");
    Readability readability = Readability.of(PackEntryBuilder.articleText(page, page.title()));
    assertThat(readability.words()).isEqualTo(words);
    assertThat(readability.sentences()).isEqualTo(sentences);
    assertThat(readability.syllables()).isEqualTo(syllables);
    assertThat(readability.gradeLevel()).isEqualByComparingTo(new BigDecimal(grade));
    assertThat(readability.readingTimeMinutes()).isEqualTo(minutes);

    Library library =
        FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(Library.class, Files.readString(folder.resolve("Library.json")));
    assertThat(
            ((DecimalType)
                    library.getExtensionByUrl(PackTerminology.EXT_READING_GRADE_LEVEL).getValue())
                .getValue())
        .isEqualByComparingTo(new BigDecimal(grade));
    assertThat(
            ((IntegerType) library.getExtensionByUrl(PackTerminology.EXT_WORD_COUNT).getValue())
                .getValue())
        .isEqualTo(words);
    assertThat(
            ((IntegerType)
                    library.getExtensionByUrl(PackTerminology.EXT_READING_TIME_MINUTES).getValue())
                .getValue())
        .isEqualTo(minutes);
  }
}
