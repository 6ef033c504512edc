package org.patientedu.ig;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * The guide's own pages (ig/input/pagecontent) as HTML, with CommonMark and GitHub's pipe tables.
 * Raw HTML in a page is escaped, never passed through, so a page can never inject markup; links to
 * {@code other-page.html} (IG Publisher style) become links to this server's {@code /ig/pages/...},
 * and links to anything but http(s) or this server go nowhere.
 */
final class Markdown {

  private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
  private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true).build();

  private Markdown() {}

  /** The text of the first level-1 heading, or the fallback. */
  static String title(String markdown, String fallback) {
    String[] title = {null};
    PARSER
        .parse(markdown)
        .accept(
            new AbstractVisitor() {
              @Override
              public void visit(Heading heading) {
                if (title[0] == null && heading.getLevel() == 1) {
                  title[0] = TextContentRenderer.builder().build().render(heading).strip();
                }
              }
            });
    return title[0] == null ? fallback : title[0];
  }

  static String toHtml(String markdown) {
    Node document = PARSER.parse(markdown);
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Link link) {
            link.setDestination(href(link.getDestination()));
            visitChildren(link);
          }

          @Override
          public void visit(Image image) {
            image.setDestination(href(image.getDestination()));
          }

          /** No language class on code blocks: the pages are styled as plain code. */
          @Override
          public void visit(FencedCodeBlock code) {
            code.setInfo(null);
          }
        });
    return HTML.render(document);
  }

  /**
   * Page links of the IG Publisher kind point into this guide; anything but http(s) and paths on
   * this server goes nowhere.
   */
  private static String href(String target) {
    if (target.equals("artifacts.html") || target.equals("index.html")) {
      return "/ig/";
    }
    if (target.matches("[a-z0-9-]+\\.html")) {
      return "/ig/pages/" + target.substring(0, target.length() - ".html".length());
    }
    if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("/")) {
      return target;
    }
    return "#";
  }
}
