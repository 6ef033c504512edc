package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Pattern;

/** Reference lines like "Guzman YF et al 2013 Nature Neuroscience 16: 1185" (volume: page). */
final class AuthorYearReferenceRecognizer implements Recognizer {

  private static final Pattern REFERENCE =
      Pattern.compile(
          "^\\p{Lu}[\\p{L}'’-]+ \\p{Lu}{1,3}(?: et al\\.?)?,? "
              + "\\(?\\d{4}[a-z]?\\)?[.,]? .+ \\d+(?:\\(\\d+\\))?\\s*:\\s*\\d+(?:\\s*[-–]\\s*\\d+)?\\.?$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (page.isArticle(i)
          && !page.block(i).isList()
          && REFERENCE.matcher(page.text(i)).matches()) {
        page.credits().addCitation(page.text(i));
        page.markCredit(i, "reference");
        page.matched(name());
      }
    }
  }
}
