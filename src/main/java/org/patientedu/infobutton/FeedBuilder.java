package org.patientedu.infobutton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.patientedu.education.EducationMatch;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.education.PublishedPage;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns the shared answer into the feed: request echoed as categories, one entry per page with an
 * absolute link to its handout, and a summary that says what a clinician must know before handing
 * it out (review state, who reviewed it, an AI author, a language it is not in).
 */
final class FeedBuilder {

  static final String FEED_TITLE = "Patient education";
  static final String AUTHOR = "Patient education content module";

  private static final DateTimeFormatter SPOKEN_DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

  private final HandoutAddresses addresses;
  private final Clock clock;

  FeedBuilder(HandoutAddresses addresses, Clock clock) {
    this.addresses = addresses;
    this.clock = clock;
  }

  /**
   * @throws IllegalStateException when no public address is set (the controller checks first)
   */
  Feed build(InfobuttonRequest request, List<EducationMatch> matches) {
    String base = addresses.base();
    List<Feed.Entry> entries = new ArrayList<>();
    for (EducationMatch match : matches) {
      PublishedPage page = match.page();
      // A reader whose language the page is not written in gets the handout's chrome in theirs.
      String reader = page.primaryLanguage().equals(request.language()) ? null : request.language();
      String link = addresses.page(page.id(), reader);
      entries.add(
          new Feed.Entry(
              match.language(),
              page.titleIn(match.language()),
              link,
              page.canonicalUrl() != null ? page.canonicalUrl() : link,
              page.lastUpdated() != null ? page.lastUpdated() : Instant.now(clock),
              summary(match, request.language())));
    }
    return new Feed(
        "en",
        base,
        "urn:uuid:" + UUID.randomUUID(),
        FEED_TITLE,
        subtitle(request, entries.size()),
        AUTHOR,
        base,
        // The feed changed last when its newest entry did; an empty answer is as of now.
        entries.stream()
            .map(Feed.Entry::updated)
            .max(Instant::compareTo)
            .orElse(Instant.now(clock)),
        categories(request),
        entries);
  }

  private static List<Feed.Category> categories(InfobuttonRequest request) {
    List<Feed.Category> categories = new ArrayList<>();
    for (InfobuttonRequest.Criterion criterion : request.criteria()) {
      if (!criterion.byName()) {
        categories.add(new Feed.Category("mainSearchCriteria.v.c", criterion.code()));
        categories.add(new Feed.Category("mainSearchCriteria.v.cs", criterion.codeSystem().oid()));
      }
      if (criterion.displayName() != null) {
        categories.add(new Feed.Category("mainSearchCriteria.v.dn", criterion.displayName()));
      }
    }
    if (request.recipient() != null) {
      categories.add(new Feed.Category("informationRecipient", request.recipient()));
    }
    categories.add(new Feed.Category("informationRecipient.languageCode.c", request.language()));
    return categories;
  }

  private static String subtitle(InfobuttonRequest request, int found) {
    List<String> asked = new ArrayList<>();
    for (InfobuttonRequest.Criterion criterion : request.criteria()) {
      asked.add(
          criterion.byName()
              ? "\"" + criterion.displayName() + "\""
              : criterion.codeSystem().label() + " " + criterion.code());
    }
    String what = String.join(", ", asked);
    return found == 0
        ? "No reviewed patient education found for " + what + "."
        : "Reviewed patient education for " + what + ".";
  }

  /** The entry's summary, HTML: the page's description, then what the clinician must know. */
  private static String summary(EducationMatch match, String languageAsked) {
    PublishedPage page = match.page();
    StringBuilder html = new StringBuilder();
    if (page.description() != null && !page.description().isBlank()) {
      html.append("<p>").append(HtmlUtils.htmlEscape(page.description())).append("</p>");
    }
    List<String> facts = new ArrayList<>();
    facts.add("Review status: " + page.reviewStatusDisplay() + ".");
    if (page.lastReviewDate() != null) {
      facts.add("Last reviewed " + spoken(page.lastReviewDate()) + ".");
    }
    facts.add(
        page.medicalReviewers().isEmpty()
            ? "No medical reviewer is named."
            : "Medical review: " + String.join("; ", page.medicalReviewers()) + ".");
    if (!page.reviewCurrent()) {
      facts.add("Check it against current guidance before handing it out.");
    }
    if (page.aiGenerated()) {
      facts.add("Written with an AI tool.");
    }
    if (page.publisher() != null) {
      facts.add("Source: " + page.publisher() + ".");
    }
    html.append("<p>").append(HtmlUtils.htmlEscape(String.join(" ", facts))).append("</p>");
    if (match.translated()) {
      html.append("<p>")
          .append(
              HtmlUtils.htmlEscape(
                  languageName(match.language())
                      + " translation of a page written in "
                      + languageName(page.primaryLanguage())
                      + "; the review above is the original's."))
          .append("</p>");
    }
    if (match.languageFallback()) {
      html.append("<p>")
          .append(
              HtmlUtils.htmlEscape(
                  "In "
                      + languageName(page.primaryLanguage())
                      + " only: no "
                      + languageName(languageAsked)
                      + " version is available."))
          .append("</p>");
    }
    return html.toString();
  }

  private static String spoken(String date) {
    try {
      return LocalDate.parse(date).format(SPOKEN_DATE);
    } catch (DateTimeParseException partial) {
      return date; // a year or year-month, as the source states it
    }
  }

  private static String languageName(String code) {
    String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() ? code : name;
  }
}
