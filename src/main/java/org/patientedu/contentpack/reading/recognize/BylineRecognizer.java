package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientedu.contentpack.page.SourceDate;

/**
 * "By David Butler Education for all, Neuroscience Nuggets 23 Jul 2014": author, then the post's
 * category words, then the date. The name is taken as given name (+ initials) + surname, i.e. the
 * first two capitalised words; the rest is reported as categories for a human to check.
 */
final class BylineRecognizer implements Recognizer {

  private static final String DATE =
      "\\d{1,2} [A-Z][a-z]{2,8}\\.? \\d{4}|[A-Z][a-z]{2,8}\\.? \\d{1,2}, \\d{4}";
  private static final Pattern BYLINE =
      Pattern.compile("^By (?<rest>.+?)(?:,?\\s+(?:on )?(?<date>" + DATE + "))?$");
  private static final Pattern LEADING_NAME =
      Pattern.compile(
          "^(?<name>\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}\\.)*"
              + " \\p{Lu}[\\p{L}'’-]+)(?:,? (?<cred>"
              + PersonNames.CREDENTIALS
              + "))?(?<tail>.*)$");
  private static final int MAX_WORDS = 14;

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      Matcher byline = BYLINE.matcher(page.text(i));
      if (!byline.matches() || byline.group("rest").split(" ").length > MAX_WORDS) {
        continue;
      }
      Matcher name = LEADING_NAME.matcher(byline.group("rest"));
      if (!name.matches()) {
        continue;
      }
      page.credits().addAuthor(PersonNames.named(name.group("name"), name.group("cred")));
      String tail = name.group("tail").replaceFirst("^[,;\\s]+", "").trim();
      if (!tail.isEmpty()) {
        page.note(
            "Byline: author read as \""
                + name.group("name")
                + "\"; \""
                + tail
                + "\" read as post categories, not part of the name");
      }
      if (byline.group("date") != null) {
        SourceDate.parseExact(byline.group("date")).ifPresent(page.credits()::setPublished);
      }
      page.markCredit(i, "byline (author, date)");
      page.matched(name());
      return; // one byline per page
    }
  }
}
