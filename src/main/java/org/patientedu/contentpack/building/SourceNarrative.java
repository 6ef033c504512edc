package org.patientedu.contentpack.building;

import java.util.List;
import org.hl7.fhir.r4.model.Narrative;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.fhir.PageNarrative;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ParsedPage;

/**
 * The narrative as imported: what the source states, leading with its review in plain words ("Not
 * medically reviewed", "Written by an AI tool (ChatGPT); not medically reviewed"). The server
 * replaces these lines with its own verdict when it stores the resource (review.ReviewNarrative);
 * the article stays.
 */
final class SourceNarrative {

  private SourceNarrative() {}

  static Narrative build(
      ParsedPage page, String language, List<ContextTag> contexts, String statusLine) {
    Credits c = page.credits();
    PageNarrative narrative =
        PageNarrative.lines(language)
            .heading(page.title() == null ? "(untitled)" : page.title())
            .line("Review", SourceReview.statement(c))
            .line("Status", statusLine)
            .line("Author", HandoutCredits.authorLine(c.authors()).replaceFirst("^Authors?: ", ""));
    if (!c.reviewers().isEmpty()) {
      narrative.line(
          "Medical review",
          String.join("; ", c.reviewers().stream().map(HandoutCredits::reviewerLine).toList()));
    }
    if (c.published() != null) {
      narrative.line("Published", c.published().display());
    }
    if (c.lastReviewed() != null) {
      narrative.line(c.lastReviewedLabel(), c.lastReviewed().display());
    }
    if (c.published() == null && c.lastReviewed() == null) {
      narrative.line("Date", "not stated by the source");
    }
    if (c.adaptation() != null) {
      narrative.line(
          "Adapted from",
          c.adaptation().originalWork()
              + " by "
              + c.adaptation().originalAuthor().nameWithCredentials());
    }
    narrative
        .line("Publisher", c.publisher())
        .line(
            "Clinical contexts",
            String.join(", ", contexts.stream().map(ContextTag::labelWithRelevance).toList()))
        .line("Source", c.sourceUrl());
    return narrative.withArticle(HtmlRendition.articleBlocks(page.article()));
  }
}
