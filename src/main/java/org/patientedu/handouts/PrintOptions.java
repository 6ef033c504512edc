package org.patientedu.handouts;

import java.util.Locale;
import java.util.Set;

/**
 * How a handout is laid out for paper: standard or large print (at least 18 pt), on US Letter or
 * A4. From the query string ({@code ?print=large&paper=a4}); unknown values fall back to the
 * defaults.
 */
public record PrintOptions(boolean largePrint, Paper paper) {

  public enum Paper {
    LETTER("letter", "8.5in 11in"),
    A4("a4", "210mm 297mm");

    private final String code;
    private final String cssSize;

    Paper(String code, String cssSize) {
      this.code = code;
      this.cssSize = cssSize;
    }

    public String code() {
      return code;
    }

    /** The CSS {@code @page size} for the PDF. */
    String cssSize() {
      return cssSize;
    }
  }

  /**
   * Countries that print on US Letter; everyone else uses A4. No country given: Letter (the pack is
   * US).
   */
  private static final Set<String> LETTER_COUNTRIES =
      Set.of("US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO", "PR", "SV");

  static PrintOptions of(String print, String paper, Locale locale) {
    boolean large = "large".equalsIgnoreCase(print);
    Paper chosen;
    if ("a4".equalsIgnoreCase(paper)) {
      chosen = Paper.A4;
    } else if ("letter".equalsIgnoreCase(paper)) {
      chosen = Paper.LETTER;
    } else {
      chosen =
          LETTER_COUNTRIES.contains(locale.getCountry()) || locale.getCountry().isEmpty()
              ? Paper.LETTER
              : Paper.A4;
    }
    return new PrintOptions(large, chosen);
  }

  /** The value of the {@code print} parameter, or null for standard print. */
  public String printParam() {
    return largePrint ? "large" : null;
  }
}
