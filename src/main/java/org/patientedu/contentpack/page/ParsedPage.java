package org.patientedu.contentpack.page;

import java.util.List;

/**
 * A page split into its article (kept word for word) and its credits, plus the import report.
 *
 * @param title page title, or null when none was found
 * @param article article blocks in page order
 * @param credits credit metadata found on the page
 * @param report found / missing fields and dropped lines
 * @param format whether the page came as text or HTML
 */
public record ParsedPage(
    String title, List<Block> article, Credits credits, ImportReport report, PageFormat format) {

  public ParsedPage {
    article = List.copyOf(article);
  }
}
