package org.patientedu.contentpack.reading.recognize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A list whose every item is a reference "Surname, I. (YYYY). ..." (optionally after a type badge
 * such as "JOURNAL", which is a widget label and is removed) is the page's reference list.
 */
final class NumberedReferenceListRecognizer implements Recognizer {

  private static final Pattern REFERENCE =
      Pattern.compile(
          "^(?:(?<badge>JOURNAL|BOOK|WEBSITE|WEB|ARTICLE|REPORT|"
              + "CHAPTER)\\s+)?(?<citation>\\p{Lu}[\\p{L}'’\\- ]+,\\s(?:\\p{Lu}\\.\\s?)+.*?\\(\\d{4}[a-z]?\\)\\..*)$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || !page.block(i).isList()) {
        continue;
      }
      List<String> citations = new ArrayList<>();
      boolean badges = false;
      for (String item : page.block(i).items()) {
        Matcher m = REFERENCE.matcher(item);
        if (!m.matches()) {
          citations = null;
          break;
        }
        badges |= m.group("badge") != null;
        citations.add(m.group("citation"));
      }
      if (citations != null && !citations.isEmpty()) {
        citations.forEach(page.credits()::addCitation);
        page.markCredit(i, "references");
        if (badges) {
          page.note("Reference type badges (e.g. \"JOURNAL\") removed from the citation text");
        }
        page.matched(name());
      }
    }
  }
}
