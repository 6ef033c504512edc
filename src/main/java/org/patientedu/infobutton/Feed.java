package org.patientedu.infobutton;

import java.time.Instant;
import java.util.List;

/**
 * One answer as the Atom feed the HL7 guide describes; rendered as XML ({@link AtomFeedWriter}) or
 * as MedlinePlus Connect's JSON ({@link MedlinePlusJsonWriter}) from the same values.
 *
 * @param language the language of the feed's own text (xml:lang)
 * @param base the address the links are built on
 * @param categories the request echoed, as MedlinePlus Connect does
 */
record Feed(
    String language,
    String base,
    String id,
    String title,
    String subtitle,
    String authorName,
    String authorUri,
    Instant updated,
    List<Category> categories,
    List<Entry> entries) {

  /** A request parameter echoed: scheme is the parameter's name, term its value. */
  record Category(String scheme, String term) {}

  /**
   * One page.
   *
   * @param language the page's own language (xml:lang of the entry, hreflang of its link)
   * @param summaryHtml HTML, escaped by the writers as Atom's type="html" wants
   */
  record Entry(
      String language, String title, String href, String id, Instant updated, String summaryHtml) {}

  Feed {
    categories = List.copyOf(categories);
    entries = List.copyOf(entries);
  }
}
