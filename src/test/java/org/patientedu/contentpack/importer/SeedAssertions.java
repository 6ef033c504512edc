package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Checks shared by the per-layout tests. */
final class SeedAssertions {

    private SeedAssertions() {
    }

    /** Every sentence of the source's article region is in both printable renditions, word for word. */
    static void everySentenceKept(String id, List<String> sentences) {
        String text = Text.normalize(PackFixtures.textRendition(id));
        String html = Text.normalize(PackFixtures.htmlText(id));
        assertThat(sentences).isNotEmpty();
        for (String sentence : sentences) {
            assertThat(text).as("text rendition of %s keeps: %s", id, sentence).contains(sentence);
            assertThat(html).as("HTML rendition of %s keeps: %s", id, sentence).contains(sentence);
        }
    }

    /** A chrome line is neither in the parsed article nor in either rendition. */
    static void chromeGone(String id, ParsedPage page, String... chrome) {
        String text = PackFixtures.textRendition(id);
        String html = PackFixtures.htmlText(id);
        for (String line : chrome) {
            assertThat(page.article()).as("article of %s", id)
                    .noneMatch(block -> block.plainText().contains(line));
            assertThat(text).as("text rendition of %s", id).doesNotContain(line);
            assertThat(html).as("HTML rendition of %s", id).doesNotContain(line);
        }
    }
}
