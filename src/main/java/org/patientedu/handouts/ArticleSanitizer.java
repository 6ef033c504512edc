package org.patientedu.handouts;

import java.util.Objects;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Makes a stored HTML rendition safe to put into our page, whatever it holds: only text-level and
 * structural markup survives (headings, paragraphs, lists, tables, emphasis, links to http, https
 * and mailto). Scripts, styles, frames, objects, forms, images, event-handler attributes and {@code
 * javascript:} URLs are dropped.
 *
 * <p>The page prints its own title and credits from the Library, so the rendition's first {@code
 * <h1>} and its {@code <section class="credits">} are left out, and any other {@code <h1>} becomes
 * an {@code <h2>} so the page keeps one top-level heading. The first heading's text is kept apart:
 * a rendition in another language than the Library carries its own title there.
 */
final class ArticleSanitizer {

  /**
   * A sanitised article.
   *
   * @param title the text of the rendition's first {@code <h1>}, or null
   * @param body the article's body as safe HTML, ready for {@code th:utext}
   */
  record Article(String title, String body) {
    static final Article EMPTY = new Article(null, "");
  }

  private static final Safelist SAFELIST =
      new Safelist()
          .addTags(
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "p",
              "br",
              "hr",
              "ul",
              "ol",
              "li",
              "dl",
              "dt",
              "dd",
              "blockquote",
              "q",
              "cite",
              "em",
              "strong",
              "b",
              "i",
              "u",
              "small",
              "sub",
              "sup",
              "abbr",
              "span",
              "div",
              "section",
              "figure",
              "figcaption",
              "table",
              "caption",
              "thead",
              "tbody",
              "tfoot",
              "tr",
              "th",
              "td",
              "a")
          .addAttributes("a", "href", "title")
          .addAttributes("abbr", "title")
          .addAttributes("th", "scope", "colspan", "rowspan")
          .addAttributes("td", "colspan", "rowspan")
          .addAttributes("ol", "start", "type")
          .addAttributes(":all", "lang")
          .addProtocols("a", "href", "http", "https", "mailto")
          .addEnforcedAttribute("a", "rel", "noopener noreferrer nofollow");

  private ArticleSanitizer() {}

  static Article sanitize(String storedHtml) {
    Document dirty = Jsoup.parseBodyFragment(Objects.requireNonNullElse(storedHtml, ""));
    dirty.select("section.credits").remove();
    Element firstHeading = dirty.body().selectFirst("h1");
    String title = null;
    if (firstHeading != null) {
      title = firstHeading.text().isBlank() ? null : firstHeading.text().strip();
      firstHeading.remove();
    }
    dirty.select("h1").tagName("h2");
    Document clean = new Cleaner(SAFELIST).clean(dirty);
    clean.outputSettings().prettyPrint(false);
    return new Article(title, clean.body().html());
  }
}
