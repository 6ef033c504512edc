package org.patientedu.contentpack.building;

import java.util.List;
import java.util.regex.Pattern;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.Text;

/**
 * The description is quoted, never written: the first one or two sentences of the article's first
 * real paragraph (after an "Answer" heading on question-and-answer pages; salutations skipped).
 */
public final class DescriptionPicker {

  private static final int MAX_LENGTH = 250;
  private static final int MIN_PARAGRAPH = 40;
  private static final Pattern SALUTATION = Pattern.compile("^Dear [^,]{1,40},$");

  private DescriptionPicker() {}

  /**
   * @return the quoted sentences, or null when the article has no paragraph
   */
  public static String pick(List<Block> article) {
    int start = 0;
    for (int i = 0; i < article.size(); i++) {
      Block b = article.get(i);
      if (b.kind() == Block.Kind.HEADING && b.text().equalsIgnoreCase("Answer")) {
        start = i + 1;
        break;
      }
    }
    for (Block block : article.subList(start, article.size())) {
      if (block.kind() == Block.Kind.PARAGRAPH
          && block.text().length() >= MIN_PARAGRAPH
          && !SALUTATION.matcher(block.text()).matches()) {
        List<String> sentences = Text.sentences(block.text());
        String first = sentences.get(0);
        if (sentences.size() > 1 && first.length() + 1 + sentences.get(1).length() <= MAX_LENGTH) {
          return first + " " + sentences.get(1);
        }
        return first;
      }
    }
    return null;
  }
}
