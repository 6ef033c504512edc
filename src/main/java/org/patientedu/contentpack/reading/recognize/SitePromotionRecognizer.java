package org.patientedu.contentpack.reading.recognize;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The site talking about itself inside the page: a sales pitch for its books and courses ("click on
 * the links to get your hands on a copy"), and the blurb of the series the post belongs to ("We
 * have collected over 100 of these for a book and will release one or two a week"), with its
 * heading. Promotion, not article: dropped, and listed in the import report.
 */
final class SitePromotionRecognizer implements Recognizer {

  /** A call to buy or sign up. */
  private static final Pattern PROMOTION =
      Pattern.compile(
          "(?i).*\\b(?:click on the links? to|get your hands on a copy|find a course near you"
              + "|order your copy|buy the book|shop now|sign up (?:now|today))\\b.*");

  /** The publisher describing the series this post is part of. */
  private static final Pattern SERIES_BLURB =
      Pattern.compile(
          "(?i).*\\b(?:we have collected (?:over |more than )?\\d+ of these"
              + "|will release (?:one|two|\\d+)(?: or (?:two|three|\\d+))? (?:a|per|each) week)\\b.*");

  /** A short heading in quotes, as series boxes are titled ("“Neuroscience nuggets”"). */
  private static final Pattern QUOTED_HEADING =
      Pattern.compile("^[\"“](?<name>[^\"”]{3,60})[\"”]$");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      String text = page.text(i);
      if (PROMOTION.matcher(text).matches()) {
        page.markChrome(i, "site promotion");
        page.matched(name());
      } else if (SERIES_BLURB.matcher(text).matches()) {
        int previous = page.previousArticle(i);
        if (previous >= 0 && namesTheSeries(page.text(previous), text)) {
          page.markChrome(previous, "series heading");
        }
        page.markChrome(i, "series blurb");
        page.matched(name());
      }
    }
  }

  /** "“Neuroscience nuggets”" above "Neuroscience nuggets are information nuggets ...". */
  private static boolean namesTheSeries(String heading, String blurb) {
    var quoted = QUOTED_HEADING.matcher(heading.strip());
    return quoted.matches()
        && blurb
            .toLowerCase(Locale.ROOT)
            .startsWith(quoted.group("name").strip().toLowerCase(Locale.ROOT));
  }
}
