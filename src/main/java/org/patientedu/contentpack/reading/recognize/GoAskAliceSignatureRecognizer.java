package org.patientedu.contentpack.reading.recognize;

import org.patientedu.contentpack.page.Person;

/**
 * Go Ask Alice! answers are signed "Alice!" (the site's voice). The signature is the page's only
 * author statement; the site name printed on the page is its publisher.
 */
final class GoAskAliceSignatureRecognizer implements Recognizer {

  private static final String SIGNATURE = "Alice!";
  private static final String SITE = "Go Ask Alice!";

  @Override
  public void apply(PageWorkspace page) {
    boolean siteNamed = false;
    for (int i = 0; i < page.size(); i++) {
      siteNamed |= page.text(i).contains(SITE);
    }
    if (!siteNamed) {
      return;
    }
    for (int i = page.size() - 1; i >= 0; i--) {
      if (page.isArticle(i) && page.text(i).equals(SIGNATURE)) {
        page.credits().addAuthor(new Person(SIGNATURE, null, null, false));
        page.markCredit(i, "author (signature)");
        if (page.credits().setPublisher(SITE)) {
          page.note("Publisher \"" + SITE + "\" is the site name printed on the page");
        }
        page.matched(name());
        return;
      }
    }
  }
}
