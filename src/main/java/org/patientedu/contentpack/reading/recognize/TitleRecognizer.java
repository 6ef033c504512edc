package org.patientedu.contentpack.reading.recognize;

import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.PageFormat;
import org.patientedu.contentpack.page.Text;

/**
 * The title: HTML's first h1 (else &lt;title&gt;); in text the first substantial line left. A text
 * page that prints a site-name line and then the title twice ("Love And Life Toolbox", title,
 * title) gets the site line and the duplicate dropped; the site name becomes the publisher if none
 * was stated.
 */
final class TitleRecognizer implements Recognizer {

  private static final int MIN_TITLE_LETTERS = 3;

  @Override
  public void apply(PageWorkspace page) {
    if (page.format() == PageFormat.HTML) {
      applyHtml(page);
    } else {
      applyText(page);
    }
  }

  private void applyHtml(PageWorkspace page) {
    boolean titled = false;
    for (int i = 0; i < page.size(); i++) {
      Block block = page.block(i);
      if (page.isArticle(i) && block.kind() == Block.Kind.HEADING && block.level() == 1) {
        if (!titled) {
          page.markTitle(i, clean(block.text()));
          titled = true;
        } else {
          page.replace(i, Block.heading(2, block.text())); // h1 is reserved for the title
        }
      }
    }
    if (!titled && page.documentTitle() != null) {
      page.setTitle(page.documentTitle());
      page.note("No h1 on the page: title taken from the HTML <title>");
    }
    if (titled) {
      page.matched(name());
    } else if (page.documentTitle() == null) {
      applyText(page);
    }
  }

  private void applyText(PageWorkspace page) {
    int first = firstSubstantial(page, -1);
    if (first < 0) {
      return;
    }
    int second = page.nextArticle(first);
    int third = second < 0 ? -1 : page.nextArticle(second);
    if (third >= 0 && same(page, second, third) && !same(page, first, second)) {
      String site = page.text(first);
      page.markChrome(first, "site title line");
      if (page.credits().setPublisher(site)) {
        page.note("Publisher \"" + site + "\" taken from the site title line above the page title");
      }
      page.markTitle(second, clean(page.text(second)));
      page.markChrome(third, "duplicated title");
    } else {
      page.markTitle(first, clean(page.text(first)));
      if (second >= 0 && same(page, first, second)) {
        page.markChrome(second, "duplicated title");
      }
    }
    page.matched(name());
  }

  private static int firstSubstantial(PageWorkspace page, int from) {
    for (int i = page.nextArticle(from); i >= 0; i = page.nextArticle(i)) {
      if (!page.block(i).isList()
          && page.text(i).codePoints().filter(Character::isLetter).count() >= MIN_TITLE_LETTERS) {
        return i;
      }
    }
    return -1;
  }

  private static boolean same(PageWorkspace page, int a, int b) {
    return !page.block(a).isList() && !page.block(b).isList() && page.text(a).equals(page.text(b));
  }

  /** Drops footnote markers ("Oxytocin ^[1]") and link syntax that text exports leave in titles. */
  private static String clean(String title) {
    return Text.normalize(Text.stripMarkdownLinks(title).replaceAll("\\s*\\^?\\[\\d+]", ""));
  }
}
