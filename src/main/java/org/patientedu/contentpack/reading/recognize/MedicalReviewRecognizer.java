package org.patientedu.contentpack.reading.recognize;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientedu.contentpack.page.Person;

/**
 * Healthwise-style "Medical Review:" followed by lines "Sarah Marshall MD - Family Medicine" (name,
 * credentials, specialty). Only lines of exactly that shape are taken.
 */
final class MedicalReviewRecognizer implements Recognizer {

  private static final Pattern LABEL =
      Pattern.compile(
          "(?i)^(?:medical review(?:ers?)?|medically reviewed by|clinical review(?:er)?)\\s*:?\\s*(?<rest>.*)$");
  private static final Pattern REVIEWER =
      Pattern.compile(
          "^(?<name>"
              + PersonNames.NAME
              + "),? (?<cred>"
              + PersonNames.CREDENTIALS
              + ")(?:,? [-–—] (?<specialty>.+))?$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      Matcher label = LABEL.matcher(page.text(i));
      if (!label.matches()) {
        continue;
      }
      boolean sameLine = !label.group("rest").isBlank() && addReviewer(page, label.group("rest"));
      List<Integer> lines = new ArrayList<>();
      int next = page.nextArticle(i);
      while (next >= 0 && !page.block(next).isList() && addReviewer(page, page.text(next))) {
        lines.add(next);
        next = page.nextArticle(next);
      }
      if (sameLine || !lines.isEmpty()) {
        page.markCredit(i, sameLine ? "medical reviewer" : "medical review label");
        lines.forEach(line -> page.markCredit(line, "medical reviewer"));
        page.matched(name());
      }
    }
  }

  private static boolean addReviewer(PageWorkspace page, String line) {
    Matcher m = REVIEWER.matcher(line.trim());
    if (!m.matches()) {
      return false;
    }
    String specialty = m.group("specialty");
    page.credits()
        .addReviewer(
            new Person(
                m.group("name"),
                m.group("cred"),
                specialty == null ? null : specialty.trim(),
                false));
    return true;
  }
}
