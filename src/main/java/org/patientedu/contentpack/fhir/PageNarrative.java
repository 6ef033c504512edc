package org.patientedu.contentpack.fhir;

import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.NodeType;
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

  /**
   * Built as nodes, not as text to be parsed: each parse sets up HAPI's XHTML parser afresh, its
   * table of some 2,000 entities included, and a stamp on every store made that 8 % of storing a
   * pack's pages (JFR, 2026-12-03).
   */
  private final XhtmlNode div = new XhtmlNode(NodeType.Element, "div");

  private PageNarrative(String language) {
    if (language != null) {
      // lang and xml:lang both: the validator warns when a resource has a language and the div
      // has not
      div.setAttribute("lang", language);
      div.setAttribute("xml:lang", language);
    }
    // set last, as HAPI's parser does, so the attributes come out in the order a parsed narrative
    // has: HAPI tells an unchanged update by its encoded text, and a stamp that only reordered
    // them would make a new version of every page
    div.setAttribute("xmlns", XhtmlNode.XMLNS);
  }

  /**
   * @param language the div's language, or null to leave it unstated
   */
  public static PageNarrative lines(String language) {
    return new PageNarrative(language);
  }

  /** A line in bold on its own, e.g. the title. */
  public PageNarrative heading(String text) {
    div.addTag("p").addTag("b").addText(text);
    return this;
  }

  /** "Label: value"; left out when there is no value. */
  public PageNarrative line(String label, String value) {
    if (value != null && !value.isBlank()) {
      XhtmlNode line = div.addTag("p");
      line.addTag("b").addText(label + ":");
      line.addText(" " + value);
    }
    return this;
  }

  /**
   * @param articleXhtml the article's blocks as XHTML (headings, paragraphs, lists)
   */
  public Narrative withArticle(String articleXhtml) {
    Narrative parsed = new Narrative();
    parsed.setDivAsString(
        "<div xmlns=\""
            + XhtmlNode.XMLNS
            + "\"><div class=\""
            + ARTICLE_CLASS
            + "\">"
            + articleXhtml
            + "</div></div>");
    div.addChildNode(parsed.getDiv().getChildNodes().get(0));
    return finish();
  }

  /**
   * The lines, then a copy of the article the resource's current narrative holds (none if it has
   * none): copied as the parsed node it is, not written out and parsed again.
   */
  public Narrative withArticleOf(DomainResource resource) {
    if (resource.hasText() && !resource.getText().getDiv().isEmpty()) {
      for (XhtmlNode child : resource.getText().getDiv().getChildNodes()) {
        if (child.isClass(ARTICLE_CLASS)) {
          div.addChildNode(child.copy());
          break;
        }
      }
    }
    return finish();
  }

  private Narrative finish() {
    Narrative narrative = new Narrative();
    narrative.setStatus(Narrative.NarrativeStatus.GENERATED);
    narrative.setDiv(div);
    return narrative;
  }
}
