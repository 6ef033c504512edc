package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Pattern;

/**
 * Everything from a "Footer menu" line to the end of the page is footer (credits claimed earlier
 * stay).
 */
final class FooterRecognizer implements Recognizer {

  private static final Pattern FOOTER =
      Pattern.compile("(?i)^footer(?: menu| navigation| links)?$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (page.isArticle(i) && FOOTER.matcher(page.text(i)).matches()) {
        for (int k = i; k >= 0; k = page.nextArticle(k)) {
          page.markChrome(k, "footer");
        }
        page.matched(name());
        return;
      }
    }
  }
}
