package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "© 1995- Healthwise, Incorporated. ..." is the copyright notice; its holder is the publisher when
 * nothing more specific named one.
 */
final class CopyrightRecognizer implements Recognizer {

  private static final Pattern NOTICE = Pattern.compile("(?i)^(?:©|\\(c\\)|copyright\\b).*");
  private static final Pattern HOLDER =
      Pattern.compile(
          "(?i)^(?:copyright\\s*)?(?:©|\\(c\\))?\\s*"
              + "(?:\\d{4}\\s*(?:[-–]\\s*(?:\\d{4})?)?\\s*,?\\s*)?(?<holder>[^.]{2,80}?)(?:\\.\\s|\\.?$)");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList() || !NOTICE.matcher(page.text(i)).matches()) {
        continue;
      }
      String notice = page.text(i);
      page.credits().setCopyright(notice);
      page.markCredit(i, "copyright");
      page.matched(name());
      Matcher holder = HOLDER.matcher(notice);
      if (holder.find() && page.credits().setPublisher(holder.group("holder").trim())) {
        page.note(
            "Publisher \"" + holder.group("holder").trim() + "\" taken from the copyright notice");
      }
    }
  }
}
