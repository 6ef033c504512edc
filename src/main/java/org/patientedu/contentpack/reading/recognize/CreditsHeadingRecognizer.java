package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Pattern;

/**
 * A "Credits" / "References" label whose next block was read as a credit only labels that credit.
 */
final class CreditsHeadingRecognizer implements Recognizer {

  private static final Pattern LABEL =
      Pattern.compile("(?i)^(?:credits|references|sources|bibliography|citations)$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size() - 1; i++) {
      if (page.isArticle(i)
          && LABEL.matcher(page.text(i)).matches()
          && page.role(i + 1) == PageWorkspace.Role.CREDIT) {
        page.markChrome(i, "credits heading (credits are rendered separately)");
        page.matched(name());
      }
    }
  }
}
