package org.patientedu.review;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a page stands against the review policy; the codes of CodeSystem review-status ({@link
 * org.patientedu.contentpack.PackTerminology#REVIEW_STATUS_SYSTEM}).
 */
public enum ReviewStatus {
  CURRENT("current", "Current"),
  DUE_SOON("due-soon", "Due for review soon"),
  OVERDUE("overdue", "Overdue for review"),
  /**
   * The source states a review by its publisher but names no clinician: not a medical review, so
   * never current, whatever its date.
   */
  PUBLISHER_REVIEWED("publisher-reviewed", "Reviewed by the publisher; no medical reviewer named"),
  NEVER_REVIEWED("never-reviewed", "Never medically reviewed");

  /** The search parameter over the stamped state (SearchParameter review-status of the guide). */
  public static final String SEARCH_PARAMETER = "review-status";

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

  /** True for the states of a page that a named clinician reviewed. */
  public boolean medicallyReviewed() {
    return this == CURRENT || this == DUE_SOON || this == OVERDUE;
  }

  /**
   * True for the states that time alone moves on: a medically reviewed page goes from current to
   * due soon to overdue as days pass. Overdue stays overdue, and a page never reviewed or reviewed
   * only by its publisher has no cycle; only a write, or another policy, changes those.
   */
  public boolean movesAsDaysPass() {
    return this == CURRENT || this == DUE_SOON;
  }

  public static Optional<ReviewStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
