package org.patientedu.contentpack.fhir;

/**
 * Escaping for the XHTML the pack writes (narratives and the HTML rendition). Written here rather
 * than taken from a library because the committed renditions escape exactly {@code & < >} in text
 * (quotes stay readable: "can't"), and a library's choice would change every committed byte.
 */
public final class Xhtml {

  private Xhtml() {}

  /** Escapes text content. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /** Escapes a double-quoted attribute value. */
  public static String attribute(String value) {
    return escape(value).replace("\"", "&quot;");
  }
}
