package org.patientedu.review;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Publishers review patient-education pages on a cycle (StayWell every 24 months, MedlinePlus at
 * least every 3 years). A page is due {@code intervalMonths} after its last review; within {@code
 * dueSoonDays} of that date (the due date included) it is due soon; from the day after, it is
 * overdue. A page with no review date was never reviewed, which is its own state. A review that
 * names no clinician (a publisher's "Last reviewed on") is not a medical review: the page is
 * publisher-reviewed, never current, and the cycle does not apply to it.
 */
public final class ReviewPolicy {

  private final int intervalMonths;
  private final int dueSoonDays;

  public ReviewPolicy(int intervalMonths, int dueSoonDays) {
    if (intervalMonths < 1 || dueSoonDays < 0) {
      throw new IllegalArgumentException(
          "review interval must be at least a month and the window not negative");
    }
    this.intervalMonths = intervalMonths;
    this.dueSoonDays = dueSoonDays;
  }

  /**
   * @param clinicianNamed whether the review names at least one clinician as medical reviewer
   */
  public ReviewAssessment assess(LocalDate lastReviewed, boolean clinicianNamed, LocalDate today) {
    if (lastReviewed == null) {
      return new ReviewAssessment(ReviewStatus.NEVER_REVIEWED, null, null, 0);
    }
    if (!clinicianNamed) {
      return new ReviewAssessment(ReviewStatus.PUBLISHER_REVIEWED, lastReviewed, null, 0);
    }
    // plusMonths clamps to the month's last day: reviewed 29 Feb 2024 is due 28 Feb 2026.
    LocalDate due = lastReviewed.plusMonths(intervalMonths);
    if (today.isAfter(due)) {
      return new ReviewAssessment(
          ReviewStatus.OVERDUE, lastReviewed, due, ChronoUnit.DAYS.between(due, today));
    }
    if (!today.isBefore(due.minusDays(dueSoonDays))) {
      return new ReviewAssessment(ReviewStatus.DUE_SOON, lastReviewed, due, 0);
    }
    return new ReviewAssessment(ReviewStatus.CURRENT, lastReviewed, due, 0);
  }

  public int intervalMonths() {
    return intervalMonths;
  }

  public int dueSoonDays() {
    return dueSoonDays;
  }
}
