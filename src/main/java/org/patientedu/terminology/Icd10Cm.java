package org.patientedu.terminology;

import java.util.Locale;

/**
 * ICD-10-CM's hierarchy is positional: a code is below every code it starts with (O92.79 below
 * O92.7 and O92), the dot only separating the category from its subdivisions. So a code's family
 * can be decided without the code system, which is not available here.
 */
final class Icd10Cm {

  private Icd10Cm() {}

  /** "o92.79 " and "O9279" both become "O9279": the form prefixes are compared in. */
  static String key(String code) {
    return code == null ? "" : code.strip().replace(".", "").toUpperCase(Locale.ROOT);
  }
}
