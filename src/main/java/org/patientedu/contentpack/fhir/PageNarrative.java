package org.patientedu.contentpack.fhir;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/**
 * The one narrative of a Library or DocumentReference: labelled lines in plain words, then the
 * article. The importer writes it with what the source states; the review stamp rewrites the lines
 * with the server's verdict on every store and carries the article over unchanged, so a resource
 * reads on its own in any FHIR viewer and full-text search ({@code _content}) finds its words.
 */
public final class PageNarrative {

  /** Marks the article inside the narrative: the part nobody but the importer writes. */
  private static final String ARTICLE_CLASS = "article";

  private final StringBuilder div =
      new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\"");

  private PageNarrative(String language) {
    if (language != null) {
      // lang and xml:lang both: the validator warns when a resource has a language and the div
      // has not
      String lang = Xhtml.attribute(language);
      div.append(" lang=\"").append(lang).append("\" xml:lang=\"").append(lang).append('"');
    }
    div.append('>');
  }

  /**
   * @param language the div's language, or null to leave it unstated
   */
  public static PageNarrative lines(String language) {
    return new PageNarrative(language);
  }

  /** A line in bold on its own, e.g. the title. */
  public PageNarrative heading(String text) {
    div.append("<p><b>").append(Xhtml.escape(text)).append("</b></p>");
    return this;
  }

  /** "Label: value"; left out when there is no value. */
  public PageNarrative line(String label, String value) {
    if (value != null && !value.isBlank()) {
      div.append("<p><b>")
          .append(Xhtml.escape(label))
          .append(":</b> ")
          .append(Xhtml.escape(value))
          .append("</p>");
    }
    return this;
  }

  /**
   * @param articleXhtml the article's blocks as XHTML (headings, paragraphs, lists)
   */
  public Narrative withArticle(String articleXhtml) {
    div.append("<div class=\"").append(ARTICLE_CLASS).append("\">").append(articleXhtml);
    return finish("</div>");
  }

  /**
   * The lines, then a copy of the article the resource's current narrative holds (none if it has
   * none). The article is copied as a parsed node rather than written out and parsed again with the
   * lines: that round trip was 8 % of storing a pack's pages (JFR, 2026-12-03).
   */
  public Narrative withArticleOf(DomainResource resource) {
    Narrative narrative = finish("");
    if (resource.hasText() && !resource.getText().getDiv().isEmpty()) {
      for (XhtmlNode child : resource.getText().getDiv().getChildNodes()) {
        if (child.isClass(ARTICLE_CLASS)) {
          narrative.getDiv().addChildNode(child.copy());
          break;
        }
      }
    }
    return narrative;
  }

  private Narrative finish(String closeArticle) {
    div.append(closeArticle).append("</div>");
    Narrative narrative = new Narrative();
    narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDivAsString(div.toString());
    return narrative;
  }
}
