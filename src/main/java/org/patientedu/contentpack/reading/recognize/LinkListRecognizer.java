package org.patientedu.contentpack.reading.recognize;

import java.util.regex.Pattern;

/**
 * Lines (or lists) that are nothing but links, e.g. "[Masturbation](#) [3]" or "[2]
 * &lt;https://...&gt;": related-question lists, category links and the link table a text export
 * appends.
 */
final class LinkListRecognizer implements Recognizer {

  private static final Pattern LINK_PARTS =
      Pattern.compile(
          "\\[[^\\]]*]\\([^)]*\\)|\\^?\\[\\d+]|<[a-z]+://[^>]*>|https?://\\S+|[▼▲►▶•|,\\s-]");

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i)) {
        continue;
      }
      boolean linksOnly =
          page.block(i).isList()
              ? page.block(i).items().stream().allMatch(LinkListRecognizer::linksOnly)
              : linksOnly(page.text(i));
      if (linksOnly) {
        page.markChrome(i, "link list");
        page.matched(name());
      }
    }
  }

  static boolean linksOnly(String text) {
    return text.contains("[") || text.contains("://")
        ? LINK_PARTS.matcher(text).replaceAll("").isEmpty()
        : false;
  }
}
