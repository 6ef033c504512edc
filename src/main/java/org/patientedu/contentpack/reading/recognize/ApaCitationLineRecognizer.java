package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;

/**
 * The page's own "how to cite" line, APA style: "APA 7: ChatGPT. (2023, September 7). &lt;title&gt;
 * PerEXP Teamworks. [Article Link]" gives author, date and publisher (site name after the title).
 */
final class ApaCitationLineRecognizer implements Recognizer {

  private static final Pattern APA =
      Pattern.compile(
          "^APA(?: ?\\d+(?:th)?)?(?: citation)?:\\s*"
              + "(?<author>[^()]+?)\\.\\s*\\((?<date>[^)]+)\\)\\.\\s*(?<rest>.+?)\\s*(?:\\[[^\\]]*])?$");

  /** The site name is the last sentence-like piece of what follows the date. */
  private static final Pattern SITE_AT_END =
      Pattern.compile("^(?<title>.*[.?!])\\s+(?<site>[^.?!]+)\\.?$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      Matcher apa = APA.matcher(page.text(i));
      if (!apa.matches()) {
        continue;
      }
      Person author = PersonNames.named(apa.group("author").trim(), null);
      page.credits().addAuthor(author);
      if (author.aiTool()) {
        page.note(
            "Author \""
                + author.name()
                + "\" is an AI tool: flagged as AI-generated, not medically reviewed");
      }
      SourceDate.parseExact(apa.group("date"))
          .ifPresentOrElse(
              page.credits()::setPublished,
              () -> page.note("APA line date not readable: \"" + apa.group("date") + "\""));
      Matcher site = SITE_AT_END.matcher(apa.group("rest"));
      if (site.matches() && page.credits().setPublisher(site.group("site").trim())) {
        page.note(
            "Publisher \""
                + site.group("site").trim()
                + "\" taken from the page's APA citation line");
      }
      // the citation itself, without its style label and the "[Article Link]" placeholder
      String line = page.text(i);
      page.credits()
          .setCiteAs(
              line.substring(line.indexOf(':') + 1).strip().replaceFirst("\\s*\\[[^\\]]*]$", ""));
      page.markCredit(i, "APA citation line (author, date, publisher)");
      page.matched(name());
    }
  }
}
