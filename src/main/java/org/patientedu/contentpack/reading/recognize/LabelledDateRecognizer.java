package org.patientedu.contentpack.reading.recognize;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientedu.contentpack.page.SourceDate;

/**
 * "Published date:" / "Feb 11, 2011", "Last reviewed on: Feb 13, 2015", "Current as of: April 13,
 * 2022". The date may follow the label on the same line or on the next one.
 */
final class LabelledDateRecognizer implements Recognizer {

  private static final Pattern PUBLISHED =
      Pattern.compile(
          "(?i)^(?<label>published(?: date| on)?|date published|posted on|first published)\\s*:\\s*(?<date>.*)$");
  private static final Pattern REVIEWED =
      Pattern.compile(
          "(?i)^(?<label>current as of|last reviewed(?: on)?|medically reviewed on|reviewed on|last reviewed date)"
              + "\\s*:\\s*(?<date>.*)$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      String text = page.text(i);
      Matcher published = PUBLISHED.matcher(text);
      Matcher reviewed = REVIEWED.matcher(text);
      if (published.matches()) {
        dateAfter(page, i, published.group("date"), "published date")
            .ifPresent(date -> page.credits().setPublished(date));
      } else if (reviewed.matches()) {
        String label = reviewed.group("label");
        dateAfter(page, i, reviewed.group("date"), "last-reviewed date")
            .ifPresent(date -> page.credits().setLastReviewed(date, label));
      }
    }
  }

  private Optional<SourceDate> dateAfter(
      PageWorkspace page, int labelIndex, String sameLine, String field) {
    if (!sameLine.isBlank()) {
      Optional<SourceDate> date = SourceDate.parseExact(sameLine);
      date.ifPresentOrElse(
          d -> {
            page.markCredit(labelIndex, field);
            page.matched(name());
          },
          () ->
              page.note(
                  "Label without a readable date, left as is: \"" + page.text(labelIndex) + "\""));
      return date;
    }
    int next = page.nextArticle(labelIndex);
    Optional<SourceDate> date =
        next < 0 ? Optional.empty() : SourceDate.parseExact(page.text(next));
    if (date.isPresent()) {
      page.markCredit(labelIndex, field + " label");
      page.markCredit(next, field);
      page.matched(name());
    }
    return date;
  }
}
