package org.patientedu.contentpack.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.ImportReport;
import org.patientedu.contentpack.page.SourceBlock;
import org.patientedu.contentpack.page.Text;

/**
 * Reads an HTML page with jsoup into the same block model as text: h1-h6 → headings, p →
 * paragraphs, ul/ol → lists. Scripts, navigation, page headers/footers, comments, forms, carts and
 * images are removed first (and listed in the report); what stays goes through the same recognisers
 * as text.
 */
public final class HtmlReader {

  /** Never content. */
  private static final String ALWAYS_CHROME =
      "script, style, noscript, template, iframe, object, embed, svg, "
          + "canvas, img, picture, video, audio, form, input, button, select, textarea, nav, aside, "
          + "[role=navigation], [role=banner], [role=search], [role=complementary], [hidden], "
          + "[aria-hidden=true], #comments, .comments, .comment-list, .commentlist, .comment, .comment-respond, "
          + ".cart, .woocommerce-message, .share, .social-share, .breadcrumb, .breadcrumbs";

  /**
   * Page-level header/footer; the same elements inside an article may hold its byline or credits.
   */
  private static final String PAGE_CHROME = "header, footer, [role=contentinfo]";

  private static final Set<String> BLOCK_TAGS =
      Set.of(
          "div",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "blockquote",
          "figure",
          "td",
          "th",
          "dd",
          "dt",
          "address",
          "details",
          "summary",
          "body",
          "center");
  private static final Set<String> CONTAINER_OR_CONTENT =
      Set.of(
          "p",
          "ul",
          "ol",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "div",
          "section",
          "article",
          "main",
          "table",
          "blockquote",
          "figure",
          "dl",
          "address",
          "header",
          "footer",
          "details");

  public ReadResult read(String html) {
    Document doc = Jsoup.parse(html);
    List<ImportReport.Line> dropped = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    String documentTitle = Text.normalize(doc.title());

    for (Element element : doc.body().select(ALWAYS_CHROME)) {
      if (element.parent() != null) { // not already removed with an ancestor
        record(dropped, element, "HTML " + describe(element));
        element.remove();
      }
    }
    for (Element element : doc.body().select(PAGE_CHROME)) {
      if (element.parent() != null && element.closest("article, main") == null) {
        record(dropped, element, "HTML page " + describe(element));
        element.remove();
      }
    }
    for (Element caption : doc.body().select("figcaption")) {
      notes.add(
          "Dropped image caption (not an article sentence): \""
              + Text.normalize(caption.text())
              + "\"");
      record(dropped, caption, "image caption");
      caption.remove();
    }

    List<SourceBlock> blocks = new ArrayList<>();
    walk(doc.body(), blocks);
    return new ReadResult(blocks, documentTitle.isEmpty() ? null : documentTitle, dropped, notes);
  }

  private void walk(Element element, List<SourceBlock> blocks) {
    String tag = element.normalName();
    if (tag.matches("h[1-6]")) {
      add(
          blocks,
          new Block(
              Block.Kind.HEADING, tag.charAt(1) - '0', Text.normalize(element.text()), List.of()));
      return;
    }
    if (tag.equals("p")) {
      for (String line : lines(element)) {
        add(blocks, Block.paragraph(line));
      }
      return;
    }
    if (tag.equals("ul") || tag.equals("ol")) {
      List<String> items = new ArrayList<>();
      collectItems(element, items);
      if (!items.isEmpty()) {
        blocks.add(new SourceBlock(Block.list(tag.equals("ol"), items), false));
      }
      return;
    }
    if (BLOCK_TAGS.contains(tag)
        && element.select("*").stream()
            .skip(1)
            .noneMatch(child -> CONTAINER_OR_CONTENT.contains(child.normalName()))) {
      // A leaf block such as <div class="byline">By ...</div>: its text is one or more paragraphs.
      for (String line : lines(element)) {
        add(blocks, Block.paragraph(line));
      }
      return;
    }
    for (Node child : element.childNodes()) {
      if (child instanceof Element childElement) {
        walk(childElement, blocks);
      } else if (child instanceof TextNode textNode && !textNode.isBlank()) {
        add(blocks, Block.paragraph(Text.normalize(textNode.text()))); // loose text in a container
      }
    }
  }

  /** Items of a list; nested lists are flattened after their parent item. */
  private void collectItems(Element list, List<String> items) {
    for (Element li : list.children()) {
      if (!li.normalName().equals("li")) {
        continue;
      }
      Element copy = li.clone();
      copy.select("ul, ol").remove();
      String text = Text.normalize(copy.text());
      if (!text.isEmpty()) {
        items.add(text);
      }
      for (Element nested : li.children()) {
        if (nested.normalName().equals("ul") || nested.normalName().equals("ol")) {
          collectItems(nested, items);
        }
      }
    }
  }

  /**
   * Text of an element split at &lt;br&gt;, so "Author: X&lt;br&gt;Medical Review:" becomes two
   * lines.
   */
  private static List<String> lines(Element element) {
    Element copy = element.clone();
    copy.select("br").forEach(br -> br.after(new TextNode("\u2028")).remove());
    List<String> result = new ArrayList<>();
    for (String part : copy.wholeText().split("\u2028")) {
      String line = Text.normalize(part);
      if (!line.isEmpty()) {
        result.add(line);
      }
    }
    return result;
  }

  private static void add(List<SourceBlock> blocks, Block block) {
    if (!block.text().isEmpty()) {
      blocks.add(new SourceBlock(block, false));
    }
  }

  private static void record(List<ImportReport.Line> dropped, Element element, String why) {
    String text = Text.normalize(element.text());
    dropped.add(
        new ImportReport.Line(text.isEmpty() ? "<" + element.normalName() + ">" : text, why));
  }

  private static String describe(Element element) {
    String tag = element.normalName();
    String id = element.id().isEmpty() ? "" : "#" + element.id();
    String cls =
        element.className().isEmpty() ? "" : "." + element.className().trim().split("\\s+")[0];
    return ("<" + tag + id + cls + ">").toLowerCase(Locale.ROOT);
  }
}
