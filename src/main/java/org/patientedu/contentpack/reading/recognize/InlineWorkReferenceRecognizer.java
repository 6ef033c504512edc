package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A work the article recommends by name in its text, "Paul Zaks (2012) “Moral Molecule” is worth a
 * read": the page's own reference, so it joins the reference list (after the listed ones) as
 * written. The sentence stays in the article.
 */
final class InlineWorkReferenceRecognizer implements Recognizer {

  private static final Pattern WORK =
      Pattern.compile(
          "\\b\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\.)? \\p{Lu}[\\p{L}'’-]+ \\(\\d{4}\\) [\"“][^\"”]{2,120}[\"”]");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      Matcher work = WORK.matcher(page.text(i));
      while (work.find()) {
        String citation = work.group();
        if (!page.credits().citations().contains(citation)) {
          page.credits().addCitation(citation);
          page.note("Reference named in the article text added to the references: " + citation);
          page.matched(name());
        }
      }
    }
  }
}
