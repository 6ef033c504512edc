package org.patientedu.contentpack.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;
import org.junit.jupiter.api.Test;

/**
 * The review stamp rewrites a narrative's lines and carries its article over: the expected XHTML is
 * written by hand, as a FHIR viewer and {@code _content} get it.
 */
class PageNarrativeTest {

  private static final String ARTICLE =
      "<div class=\"article\"><h2>Pain &amp; labor</h2>"
          + "<p>Ask for <i>help</i> \u2013 \u201cnow\u201d &lt; later.</p>"
          + "<ul><li>One</li><li>Two</li></ul></div>";

  @Test
  void theLinesAreNewAndTheArticleIsCarriedOverAsItWas() {
    Library page = new Library();
    page.getText()
        .setDivAsString(
            "<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Review status:</b> draft</p>"
                + ARTICLE
                + "</div>");

    Narrative stamped =
        PageNarrative.lines("en")
            .heading("Oxytocin & you")
            .line("Review status", "Current")
            .line("Reviewed by", null)
            .withArticleOf(page);

    assertThat(stamped.getStatus()).isEqualTo(Narrative.NarrativeStatus.GENERATED);
    assertThat(stamped.getDivAsString())
        .isEqualTo(
            // the attributes in the order a parsed narrative has them: HAPI tells an unchanged
            // update by its encoded text
            "<div xml:lang=\"en\" xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"
                + "<p><b>Oxytocin &amp; you</b></p><p><b>Review status:</b> Current</p>"
                + ARTICLE
                + "</div>");
  }

  @Test
  void theArticleIsACopySoTheResourceKeepsItsOwnNarrativeUntilItIsReplaced() {
    Library page = new Library();
    page.getText()
        .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + ARTICLE + "</div>");
    Narrative stamped = PageNarrative.lines(null).heading("Title").withArticleOf(page);

    XhtmlNode carried = stamped.getDiv().getChildNodes().get(1);
    carried.addTag("p").addText("added later");

    assertThat(page.getText().getDivAsString())
        .isEqualTo("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + ARTICLE + "</div>");
  }

  @Test
  void aNarrativeWithoutAnArticleGetsTheLinesOnly() {
    Library page = new Library();
    page.getText()
        .setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Written by hand</p></div>");

    assertThat(PageNarrative.lines(null).heading("Title").withArticleOf(page).getDivAsString())
        .isEqualTo("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Title</b></p></div>");
    assertThat(
            PageNarrative.lines(null)
                .heading("Title")
                .withArticleOf(new Library())
                .getDivAsString())
        .isEqualTo("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>Title</b></p></div>");
  }
}
