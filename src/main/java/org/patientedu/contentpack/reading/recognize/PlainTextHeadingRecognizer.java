package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Pattern;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.PageFormat;
import org.patientedu.contentpack.page.Text;

/**
 * Text has no markup, so a heading is a short line standing alone between blank lines that does not
 * end like a sentence part ("Overview", "What is oxytocin?", "Symptoms of oxytocin deficiency").
 */
final class PlainTextHeadingRecognizer implements Recognizer {

  private static final int MAX_LENGTH = 90;
  private static final int MAX_WORDS = 12;
  private static final Pattern STARTS_CAPITAL = Pattern.compile("^[\"“‘'(]?\\p{Lu}.*");
  private static final Pattern ENDS_AS_PART = Pattern.compile(".*[.,;:…]$");
  private static final Pattern TWO_SENTENCES = Pattern.compile(".*[.!?][\"”’]?\\s+\\p{Lu}.*");

  @Override
  public void apply(PageWorkspace page) {
    if (page.format() != PageFormat.TEXT) {
      return;
    }
    for (int i = 0; i < page.size(); i++) {
      Block block = page.block(i);
      if (page.isArticle(i)
          && block.kind() == Block.Kind.PARAGRAPH
          && page.standalone(i)
          && looksLikeHeading(block.text())) {
        page.replace(i, Block.heading(2, block.text()));
        page.matched(name());
      }
    }
  }

  static boolean looksLikeHeading(String text) {
    return text.length() <= MAX_LENGTH
        && Text.wordCount(text) <= MAX_WORDS
        && STARTS_CAPITAL.matcher(text).matches()
        && !ENDS_AS_PART.matcher(text).matches()
        && !TWO_SENTENCES.matcher(text).matches();
  }
}
