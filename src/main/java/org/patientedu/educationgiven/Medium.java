package org.patientedu.educationgiven;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the handout reached the patient (CodeSystem education-medium of the guide). */
public enum Medium {
  PRINTED("printed", "Printed handout"),
  PDF("pdf", "PDF copy"),
  SCREEN("screen", "Shown on screen");

  private final String code;
  private final String display;

  Medium(String code, String display) {
    this.code = code;
    this.display = display;
  }

  public String code() {
    return code;
  }

  public String display() {
    return display;
  }

  public static Optional<Medium> fromCode(String code) {
    return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
  }

  /** "printed, pdf, screen", for error messages. */
  public static String codes() {
    return Arrays.stream(values()).map(Medium::code).collect(Collectors.joining(", "));
  }
}
