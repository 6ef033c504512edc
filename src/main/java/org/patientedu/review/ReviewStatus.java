package org.patientedu.review;

import java.util.Arrays;
import java.util.Optional;

/** Where a page stands against the review policy; codes of CodeSystem review-status. */
public enum ReviewStatus {
  CURRENT("current", "Current"),
  DUE_SOON("due-soon", "Due for review soon"),
  OVERDUE("overdue", "Overdue for review"),
  NEVER_REVIEWED("never-reviewed", "Never medically reviewed");

  public static final String SYSTEM = "http://fhir.patientedu.org/CodeSystem/review-status";

  private final String code;
  private final String display;

  ReviewStatus(String code, String display) {
    this.code = code;
    this.display = display;
  }

  public String code() {
    return code;
  }

  public String display() {
    return display;
  }

  public static Optional<ReviewStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
