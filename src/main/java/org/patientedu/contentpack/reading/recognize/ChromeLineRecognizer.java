package org.patientedu.contentpack.reading.recognize;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Single lines that are site furniture wherever they appear: menus, section labels, carts. */
final class ChromeLineRecognizer implements Recognizer {

  private static final Map<Pattern, String> LINES = new LinkedHashMap<>();

  static {
    LINES.put(Pattern.compile("(?i)^toggle (?:mobile|search) menu.*$"), "menu");
    LINES.put(
        Pattern.compile(
            "(?i)^(?:site navigation|supplemental|main menu|menu|skip to (?:main )?content)$"),
        "menu");
    LINES.put(
        Pattern.compile("(?i)^related (?:information|posts|articles|questions|topics|content)$"),
        "related links");
    LINES.put(
        Pattern.compile("(?i)^(?:categor(?:y|ies)|tags?|filed under)\\s*:?$"), "category list");
    LINES.put(Pattern.compile("(?i)^links$"), "link list");
    LINES.put(
        Pattern.compile("(?i)^(?:product was added to cart\\.?|view cart|add to cart|your cart)$"),
        "cart");
    LINES.put(
        Pattern.compile(
            "(?i)^(?:share(?: this)?(?: page| article| post)?|print(?: this page)?)\\s*:?$"),
        "share/print buttons");
  }

  @Override
  public void apply(PageWorkspace page) {
    for (int i = 0; i < page.size(); i++) {
      if (!page.isArticle(i) || page.block(i).isList()) {
        continue;
      }
      for (Map.Entry<Pattern, String> line : LINES.entrySet()) {
        if (line.getKey().matcher(page.text(i)).matches()) {
          page.markChrome(i, line.getValue());
          page.matched(name());
          break;
        }
      }
    }
  }
}
