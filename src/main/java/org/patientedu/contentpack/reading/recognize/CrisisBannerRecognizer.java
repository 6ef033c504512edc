package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Pattern;

/** "ATTENTION" followed by a crisis-line notice (988...): a site banner, not article text. */
final class CrisisBannerRecognizer implements Recognizer {

  private static final Pattern LABEL = Pattern.compile("(?i)attention|alert|important notice");
  private static final Pattern CRISIS = Pattern.compile("(?i).*\\b(988|crisis|suicid\\w*)\\b.*");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (page.isArticle(i) && LABEL.matcher(page.text(i)).matches()) {
        int next = page.nextArticle(i);
        if (next >= 0 && CRISIS.matcher(page.text(next)).matches()) {
          page.markChrome(i, "crisis banner");
          page.markChrome(next, "crisis banner");
          page.matched(name());
        }
      }
    }
  }
}
