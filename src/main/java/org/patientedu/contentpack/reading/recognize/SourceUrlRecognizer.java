package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Source URL: &lt;https://...&gt;" as printed at the foot of a page. */
final class SourceUrlRecognizer implements Recognizer {

  private static final Pattern SOURCE =
      Pattern.compile(
          "(?i)^(?:source url|source|original url|canonical url)\\s*:\\s*<?(?<url>https?://[^\\s>]+)>?$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      Matcher m = SOURCE.matcher(page.text(i));
      if (m.matches()) {
        page.credits().setSourceUrl(m.group("url"));
        page.markCredit(i, "source URL");
        page.matched(name());
      }
    }
  }
}
