package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.patientedu.contentpack.page.ParsedPage;

/** Checks shared by the per-layout tests. */
final class SeedAssertions {

  private SeedAssertions() {}

  /**
   * Every sentence of the source's article region is in both printable renditions, word for word.
   */
  static void everySentenceKept(String id, List<String> sentences) {
    String text = PackFixtures.collapse(PackFixtures.textRendition(id));
    String html = PackFixtures.collapse(PackFixtures.htmlText(id));
    assertThat(sentences).isNotEmpty();
    for (String sentence : sentences) {
      assertThat(text).as("text rendition of %s keeps: %s", id, sentence).contains(sentence);
      assertThat(html).as("HTML rendition of %s keeps: %s", id, sentence).contains(sentence);
    }
  }

  /**
   * Names that legitimately appear in the credits (site name as publisher, bio-box author) must
   * still not be in the article part of either rendition.
   */
  static void notInArticle(String id, ParsedPage page, String... lines) {
    String text = PackFixtures.textRendition(id);
    String textArticle = text.substring(0, text.indexOf("\nCredits\n-------\n"));
    org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(PackFixtures.htmlRendition(id));
    html.select("section.credits").remove();
    for (String line : lines) {
      assertThat(page.article())
          .as("article of %s", id)
          .noneMatch(block -> block.plainText().contains(line));
      assertThat(textArticle)
          .as("article part of the text rendition of %s", id)
          .doesNotContain(line);
      assertThat(html.text())
          .as("article part of the HTML rendition of %s", id)
          .doesNotContain(line);
    }
  }

  /** A chrome line is neither in the parsed article nor anywhere in either rendition. */
  static void chromeGone(String id, ParsedPage page, String... chrome) {
    String text = PackFixtures.textRendition(id);
    String html = PackFixtures.htmlText(id);
    for (String line : chrome) {
      assertThat(page.article())
          .as("article of %s", id)
          .noneMatch(block -> block.plainText().contains(line));
      assertThat(text).as("text rendition of %s", id).doesNotContain(line);
      assertThat(html).as("HTML rendition of %s", id).doesNotContain(line);
    }
  }
}
