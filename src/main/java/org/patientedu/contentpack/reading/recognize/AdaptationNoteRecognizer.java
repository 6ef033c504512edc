package org.patientedu.contentpack.reading.recognize;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientedu.contentpack.page.Adaptation;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;

/**
 * "(This is an adaptation of the April 2010 newsletter by Linda Graham, MFT, with permission.)" →
 * original author, original work and its date; the note itself moves to the credits.
 */
final class AdaptationNoteRecognizer implements Recognizer {

  private static final Pattern[] NOTES = {
    Pattern.compile(
        "(?i)^\\(?\\s*this is an adaptation of (?:the |an? )?(?<work>.+?) by (?<person>.+?)"
            + ",? (?:used |reprinted )?with permission\\.?\\s*\\)?$"),
    Pattern.compile(
        "(?i)^\\(?\\s*adapted (?:with permission )?from (?:the |an? )?(?<work>.+?) by "
            + "(?<person>[^()]+?)(?:,? (?:used )?with permission)?\\.?\\s*\\)?$"),
  };

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      for (Pattern pattern : NOTES) {
        Matcher m = pattern.matcher(page.text(i));
        if (!m.matches()) {
          continue;
        }
        Optional<Person> original = PersonNames.parse(m.group("person").trim());
        if (original.isEmpty()) {
          page.note(
              "Adaptation note names something that is not a plain name, kept in article: \""
                  + page.text(i)
                  + "\"");
          break;
        }
        String work = m.group("work").trim();
        SourceDate date = SourceDate.findMonthYear(work).orElse(null);
        page.credits().setAdaptation(new Adaptation(original.get(), work, date, page.text(i)));
        page.markCredit(i, "adaptation note");
        page.matched(name());
        break;
      }
    }
  }
}
