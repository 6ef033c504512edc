package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Pattern;

/** "This information does not replace the advice of a doctor. ..." kept whole as the disclaimer. */
final class DisclaimerRecognizer implements Recognizer {

  private static final Pattern DISCLAIMER =
      Pattern.compile(
          "(?i)^(?:disclaimer:|this information "
              + "(?:does not|is not intended to|should not) replace\\b|.*\\bdisclaims any warranty\\b).*");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (page.isArticle(i)
          && !page.block(i).isList()
          && DISCLAIMER.matcher(page.text(i)).matches()) {
        page.credits().setDisclaimer(page.text(i));
        page.markCredit(i, "disclaimer");
        page.matched(name());
      }
    }
  }
}
