package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "noigroup logo": the alt text of the site logo. It names the site, which is the publisher if none
 * is stated.
 */
final class LogoLineRecognizer implements Recognizer {

  private static final Pattern LOGO = Pattern.compile("(?i)^(?<site>\\S+(?: \\S+){0,3}) logo$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      Matcher m = LOGO.matcher(page.text(i));
      if (m.matches()) {
        page.markChrome(i, "logo");
        if (page.credits().setPublisher(m.group("site"))) {
          page.note("Publisher \"" + m.group("site") + "\" taken from the site logo line");
        }
        page.matched(name());
      }
    }
  }
}
