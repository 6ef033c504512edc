package org.patientedu.contentpack.building;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.patientedu.contentpack.fhir.Xhtml;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.ParsedPage;

/**
 * A clean HTML fragment for printing and embedding: one &lt;article&gt; with the title, the article
 * blocks and a credits section. Text only, all escaped: no scripts, styles, handlers or images.
 */
public final class HtmlRendition {

  private HtmlRendition() {}

  public static String render(ParsedPage page, String language) {
    StringBuilder out = new StringBuilder();
    out.append("<article lang=\"").append(Xhtml.attribute(language)).append("\">\n");
    if (page.title() != null) {
      out.append("  <h1>").append(Xhtml.escape(page.title())).append("</h1>\n");
    }
    appendBlocks(out, page.article(), "  ");
    out.append("  <section class=\"credits\">\n");
    out.append("    <h2>Credits</h2>\n");
    appendBlocks(out, HandoutCredits.blocks(page.credits()), "    ");
    out.append("  </section>\n");
    out.append("</article>\n");
    return out.toString();
  }

  public static Rendition rendition(
      ParsedPage page, String language, String binaryId, String title) {
    return new Rendition(
        binaryId,
        Rendition.HTML_TYPE,
        title,
        render(page, language).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A translation: its title and article only. The credits are the page's (the Library's), in the
   * page's own language; a translation states none of its own.
   */
  static Rendition translation(ParsedPage page, String language, String binaryId, String title) {
    StringBuilder out = new StringBuilder();
    out.append("<article lang=\"").append(Xhtml.attribute(language)).append("\">\n");
    if (page.title() != null) {
      out.append("  <h1>").append(Xhtml.escape(page.title())).append("</h1>\n");
    }
    appendBlocks(out, page.article(), "  ");
    out.append("</article>\n");
    return new Rendition(
        binaryId,
        Rendition.HTML_TYPE,
        title,
        out.toString().getBytes(StandardCharsets.UTF_8),
        language);
  }

  /** The article's blocks alone, as narrative-safe XHTML (headings, paragraphs, lists). */
  static String articleBlocks(List<Block> blocks) {
    StringBuilder out = new StringBuilder();
    appendBlocks(out, blocks, "");
    return out.toString().replace("\n", "");
  }

  private static void appendBlocks(StringBuilder out, List<Block> blocks, String indent) {
    for (Block block : blocks) {
      switch (block.kind()) {
        case HEADING ->
            out.append(indent)
                .append("<h")
                .append(block.level())
                .append('>')
                .append(Xhtml.escape(block.text()))
                .append("</h")
                .append(block.level())
                .append(">\n");
        case PARAGRAPH ->
            out.append(indent).append("<p>").append(Xhtml.escape(block.text())).append("</p>\n");
        case BULLETED_LIST, NUMBERED_LIST -> {
          String tag = block.kind() == Block.Kind.NUMBERED_LIST ? "ol" : "ul";
          out.append(indent).append('<').append(tag).append(">\n");
          for (String item : block.items()) {
            out.append(indent).append("  <li>").append(Xhtml.escape(item)).append("</li>\n");
          }
          out.append(indent).append("</").append(tag).append(">\n");
        }
      }
    }
  }
}
