package org.patientedu.contentpack.building;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Narrative;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.importer.Credits;
import org.patientedu.contentpack.importer.ParsedPage;

/**
 * The human-readable summary inside each resource, then the article. It leads with the review state
 * in plain words ("Not medically reviewed", "Written by an AI tool (ChatGPT); not medically
 * reviewed").
 */
public final class NarrativeBuilder {

  /** Marks the article inside the narrative: the part nobody but the importer writes. */
  public static final String ARTICLE_CLASS = "article";

  private NarrativeBuilder() {}

  static Narrative build(
      ParsedPage page, String language, List<ClinicalContext> contexts, String statusLine) {
    Credits c = page.credits();
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"Review", SourceReview.statement(c)});
    rows.add(new String[] {"Status", statusLine});
    rows.add(
        new String[] {
          "Author", HandoutCredits.authorLine(c.authors()).replaceFirst("^Authors?: ", "")
        });
    if (!c.reviewers().isEmpty()) {
      rows.add(
          new String[] {
            "Medical review",
            String.join("; ", c.reviewers().stream().map(HandoutCredits::reviewerLine).toList())
          });
    }
    if (c.published() != null) {
      rows.add(new String[] {"Published", c.published().display()});
    }
    if (c.lastReviewed() != null) {
      rows.add(new String[] {c.lastReviewedLabel(), c.lastReviewed().display()});
    }
    if (c.published() == null && c.lastReviewed() == null) {
      rows.add(new String[] {"Date", "not stated by the source"});
    }
    if (c.adaptation() != null) {
      rows.add(
          new String[] {
            "Adapted from",
            c.adaptation().originalWork()
                + " by "
                + c.adaptation().originalAuthor().nameWithCredentials()
          });
    }
    if (c.publisher() != null) {
      rows.add(new String[] {"Publisher", c.publisher()});
    }
    rows.add(
        new String[] {
          "Clinical contexts",
          String.join(", ", contexts.stream().map(ClinicalContext::label).toList())
        });
    if (c.sourceUrl() != null) {
      rows.add(new String[] {"Source", c.sourceUrl()});
    }

    // lang and xml:lang both: the validator warns when a resource has a language and the div has
    // not
    String lang = HtmlRendition.escape(language).replace("\"", "&quot;");
    StringBuilder div =
        new StringBuilder(
            "<div xmlns=\"http://www.w3.org/1999/xhtml\" lang=\""
                + lang
                + "\" xml:lang=\""
                + lang
                + "\">");
    div.append("<p><b>")
        .append(HtmlRendition.escape(page.title() == null ? "(untitled)" : page.title()))
        .append("</b></p>");
    for (String[] row : rows) {
      div.append("<p><b>")
          .append(HtmlRendition.escape(row[0]))
          .append(":</b> ")
          .append(HtmlRendition.escape(row[1]))
          .append("</p>");
    }
    // The article itself, so the resource reads on its own in any FHIR viewer and full-text
    // search (_content) finds its words. Kept as is when the review stamp rebuilds the rest.
    div.append("<div class=\"")
        .append(ARTICLE_CLASS)
        .append("\">")
        .append(HtmlRendition.articleBlocks(page.article()))
        .append("</div>");
    div.append("</div>");
    Narrative narrative = new Narrative();
    narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDivAsString(div.toString());
    return narrative;
  }
}
