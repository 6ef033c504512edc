package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Author: Healthwise Staff", "Authors: Jane Doe, RN; John Roe". */
final class AuthorLabelRecognizer implements Recognizer {

  private static final Pattern AUTHOR =
      Pattern.compile("(?i)^(?:authors?|written by)\\s*:\\s*(?<names>.+)$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      Matcher m = AUTHOR.matcher(page.text(i));
      if (!m.matches()) {
        continue;
      }
      boolean any = false;
      for (String part : m.group("names").split(";| and ")) {
        var person = PersonNames.parse(part.trim());
        if (person.isPresent()) {
          page.credits().addAuthor(person.get());
          any = true;
        } else {
          page.note(
              "Author label with something that is not a plain name, ignored: \""
                  + part.trim()
                  + "\"");
        }
      }
      if (any) {
        page.markCredit(i, "author");
        page.matched(name());
      }
    }
  }
}
