package org.patientedu.infobutton;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.patientedu.education.ClinicianNotes;
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
  static final String AUTHOR = ClinicianNotes.PRODUCT_NAME;

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
    List<Feed.Category> categories = categories(request);
    return new Feed(
        "en",
        base,
        id(categories),
        FEED_TITLE,
        subtitle(request, entries.size()),
        AUTHOR,
        base,
        // The feed changed last when its newest entry did; an empty answer is as of now.
        entries.stream()
            .map(Feed.Entry::updated)
            .max(Instant::compareTo)
            .orElse(Instant.now(clock)),
        categories,
        entries);
  }

  /**
   * Atom's feed id is permanent: the same question (the request echoed) is the same feed, in every
   * answer and on every node, so the id is derived from it rather than drawn at random.
   */
  private static String id(List<Feed.Category> categories) {
    StringBuilder question = new StringBuilder();
    for (Feed.Category category : categories) {
      question.append(category.scheme()).append('=').append(category.term()).append('\n');
    }
    return "urn:uuid:"
        + UUID.nameUUIDFromBytes(question.toString().getBytes(StandardCharsets.UTF_8));
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
    html.append("<p>")
        .append(HtmlUtils.htmlEscape(String.join(" ", ClinicianNotes.reviewFacts(page))))
        .append("</p>");
    ClinicianNotes.translationNote(match)
        .ifPresent(note -> html.append("<p>").append(HtmlUtils.htmlEscape(note)).append("</p>"));
    ClinicianNotes.fallbackNote(match, languageAsked)
        .ifPresent(note -> html.append("<p>").append(HtmlUtils.htmlEscape(note)).append("</p>"));
    return html.toString();
  }
}
