package org.patientedu.handouts;

import java.util.Optional;
import org.patientedu.contentpack.ClinicalContext;

/**
 * What the nurse asked the catalog for; every part optional. Built from the query string, so
 * unknown values are dropped rather than failing the page.
 */
public record CatalogFilter(
    String text, ClinicalContext context, ReviewFilter review, String language) {

  static CatalogFilter of(String text, String context, String review, String language) {
    return new CatalogFilter(
        blankToNull(text),
        contextOf(context).orElse(null),
        review == null ? null : ReviewFilter.fromCode(review.trim()).orElse(null),
        blankToNull(language));
  }

  public boolean isEmpty() {
    return text == null && context == null && review == null && language == null;
  }

  boolean accepts(Handout handout) {
    return (context == null || handout.inContext(context))
        && (review == null || review.accepts(handout.reviewState()))
        && (language == null || language.equalsIgnoreCase(handout.language()));
  }

  private static Optional<ClinicalContext> contextOf(String key) {
    if (key == null || key.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ClinicalContext.fromKey(key));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  private static String blankToNull(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
  }
}
