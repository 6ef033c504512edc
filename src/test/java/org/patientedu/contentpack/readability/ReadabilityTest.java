package org.patientedu.contentpack.readability;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Flesch-Kincaid on texts small enough to count by hand. */
class ReadabilityTest {

  @Test
  void countsSyllablesByVowelGroups() {
    assertThat(Readability.syllables("oxytocin")).isEqualTo(4); // ox-y-to-cin
    assertThat(Readability.syllables("hormone")).isEqualTo(2); // hor-mone (silent e)
    assertThat(Readability.syllables("released")).isEqualTo(2); // re-leased (silent e in -ed)
    assertThat(Readability.syllables("started")).isEqualTo(2); // start-ed (sounded after t)
    assertThat(Readability.syllables("breastfeeding")).isEqualTo(3);
    assertThat(Readability.syllables("table")).isEqualTo(2); // ta-ble
    assertThat(Readability.syllables("the")).isEqualTo(1);
    assertThat(Readability.syllables("uses")).isEqualTo(2); // us-es (sounded after s)
    assertThat(Readability.syllables("2014")).isEqualTo(1);
  }

  @Test
  void gradeLevelOfAHandCountedText() {
    // "The cat sat on the mat. Oxytocin is a hormone."
    // words 6 + 4 = 10; sentences 2; syllables 6 + (4 + 1 + 1 + 2) = 14
    // 0.39 × 10/2 + 11.8 × 14/10 − 15.59 = 1.95 + 16.52 − 15.59 = 2.88 → 2.9
    Readability r = Readability.of("The cat sat on the mat. Oxytocin is a hormone.");
    assertThat(r.words()).isEqualTo(10);
    assertThat(r.sentences()).isEqualTo(2);
    assertThat(r.syllables()).isEqualTo(14);
    assertThat(r.gradeLevel()).isEqualByComparingTo(new BigDecimal("2.9"));
    assertThat(r.readingTimeMinutes()).isEqualTo(1);
  }

  @Test
  void headingsAndListItemsEndASentenceWithoutPunctuation() {
    // Three blocks: a heading, a list item with no full stop, a sentence.
    assertThat(Readability.countSentences("Overview\nSocial bonding\nIt helps.")).isEqualTo(3);
  }

  @Test
  void readingTimeRoundsUpAtTwoHundredWordsAMinute() {
    assertThat(Readability.of("word ".repeat(200)).readingTimeMinutes()).isEqualTo(1);
    assertThat(Readability.of("word ".repeat(201)).readingTimeMinutes()).isEqualTo(2);
  }
}
