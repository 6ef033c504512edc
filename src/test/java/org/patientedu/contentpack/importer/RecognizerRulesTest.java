package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;
import org.patientedu.contentpack.reading.PageParser;

/** Small pages exercising single recognisers, so a content team can see what each rule accepts. */
class RecognizerRulesTest {

  private static ParsedPage parse(String text) {
    return new PageParser().parse(text, "page.txt");
  }

  @Test
  void datesKeepTheirStatedPrecision() {
    assertThat(SourceDate.parseExact("April 13, 2022")).contains(new SourceDate(2022, 4, 13));
    assertThat(SourceDate.parseExact("Feb 11, 2011")).contains(new SourceDate(2011, 2, 11));
    assertThat(SourceDate.parseExact("23 Jul 2014")).contains(new SourceDate(2014, 7, 23));
    assertThat(SourceDate.parseExact("2023, September 7")).contains(new SourceDate(2023, 9, 7));
    assertThat(SourceDate.parseExact("April 2010").map(SourceDate::toFhirDate)).contains("2010-04");
    assertThat(SourceDate.parseExact("February 30, 2020")).isEmpty();
    assertThat(SourceDate.parseExact("soon")).isEqualTo(Optional.empty());
  }

  @Test
  void reviewerLinesNeedKnownCredentials() {
    ParsedPage page =
        parse(
            """
                Title Here

                Some article text that is long enough to be a paragraph.

                Medical Review:
                Jane Q. Roe, MD, FACOG - Obstetrics and Gynecology
                John Smith RN
                Not A Reviewer Line At All
                """);
    assertThat(page.credits().reviewers())
        .containsExactly(
            new Person("Jane Q. Roe", "MD, FACOG", "Obstetrics and Gynecology", false),
            new Person("John Smith", "RN", null, false));
    assertThat(page.article()).extracting(Block::plainText).contains("Not A Reviewer Line At All");
  }

  @Test
  void bylineWithoutCategoriesAndAdaptedFromNote() {
    ParsedPage page =
        parse(
            """
                Breathing Through Contractions

                By Maria Lopez, CNM March 3, 2019

                Slow breathing can help you stay calm during labor.

                Adapted from the 2015 class handout by Ann Lee, RN.
                """);
    assertThat(page.credits().authors())
        .containsExactly(new Person("Maria Lopez", "CNM", null, false));
    assertThat(page.credits().published()).isEqualTo(new SourceDate(2019, 3, 3));
    assertThat(page.credits().adaptation().originalAuthor())
        .isEqualTo(new Person("Ann Lee", "RN", null, false));
    assertThat(page.credits().adaptation().originalDate())
        .isNull(); // "2015" alone is no month: not guessed
    assertThat(page.report().notes()).noneMatch(n -> n.contains("categories"));
  }

  @Test
  void aiToolsAreRecognisedByName() {
    ParsedPage page =
        parse(
            """
                What Is Prolactin?

                Prolactin is a hormone made by the pituitary gland.

                APA 7: Gemini. (2024, January 5). What Is Prolactin? Example Site. [Article Link]
                """);
    assertThat(page.credits().authors()).containsExactly(new Person("Gemini", null, null, true));
    assertThat(page.credits().publisher()).isEqualTo("Example Site");
  }
}
