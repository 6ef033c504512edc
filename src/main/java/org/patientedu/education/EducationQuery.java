package org.patientedu.education;

import java.util.List;
import java.util.Locale;

/**
 * What an EHR asks: education for these codes (or a drug name), in this language.
 *
 * @param criteria in the order asked; each is answered on its own, then merged
 * @param language the language wanted (a primary subtag such as "es"); null for English
 * @param maxPerCriterion at most this many pages for each criterion
 */
public record EducationQuery(List<Criterion> criteria, String language, int maxPerCriterion) {

  /**
   * A code (system is a FHIR URI) or, when no code is known, a name such as "Pitocin".
   *
   * @param display the name the requester gave with the code, if any (only echoed)
   */
  public record Criterion(String system, String code, String display) {

    public static Criterion code(String system, String code, String display) {
      return new Criterion(system, code, display);
    }

    public static Criterion name(String name) {
      return new Criterion(null, null, name);
    }

    public boolean byName() {
      return code == null;
    }
  }

  public EducationQuery {
    criteria = List.copyOf(criteria);
    language = language == null ? "en" : language.toLowerCase(Locale.ROOT);
    if (maxPerCriterion < 1) {
      throw new IllegalArgumentException("maxPerCriterion must be at least 1");
    }
  }
}
