package org.patientedu.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The policy at fixed dates around each boundary (default: 24 months, due soon 60 days before). */
class ReviewPolicyTest {

  private final ReviewPolicy policy = new ReviewPolicy(24, 60);
  private static final LocalDate REVIEWED = LocalDate.of(2024, 3, 15); // due 2026-03-15

  @Test
  void isCurrentUntilTheWindowOpens() {
    ReviewAssessment dayBefore = policy.assess(REVIEWED, true, LocalDate.of(2026, 1, 13));
    assertThat(dayBefore.status()).isEqualTo(ReviewStatus.CURRENT);
    assertThat(dayBefore.dueDate()).isEqualTo(LocalDate.of(2026, 3, 15));
    assertThat(dayBefore.daysOverdue()).isZero();
  }

  @Test
  void isDueSoonFromSixtyDaysBeforeTheDueDate() {
    assertThat(policy.assess(REVIEWED, true, LocalDate.of(2026, 1, 14)).status())
        .isEqualTo(ReviewStatus.DUE_SOON);
  }

  @Test
  void isStillDueSoonOnTheDueDateItself() {
    assertThat(policy.assess(REVIEWED, true, LocalDate.of(2026, 3, 15)).status())
        .isEqualTo(ReviewStatus.DUE_SOON);
  }

  @Test
  void isOverdueFromTheDayAfterWithDaysCounted() {
    ReviewAssessment dayAfter = policy.assess(REVIEWED, true, LocalDate.of(2026, 3, 16));
    assertThat(dayAfter.status()).isEqualTo(ReviewStatus.OVERDUE);
    assertThat(dayAfter.daysOverdue()).isEqualTo(1);
    assertThat(policy.assess(REVIEWED, true, LocalDate.of(2027, 3, 15)).daysOverdue())
        .isEqualTo(365);
  }

  @Test
  void aReviewOnLeapDayFallsDueOnTheLastDayOfFebruary() {
    LocalDate leapDay = LocalDate.of(2024, 2, 29);
    assertThat(policy.assess(leapDay, true, LocalDate.of(2026, 2, 28)).dueDate())
        .isEqualTo(LocalDate.of(2026, 2, 28));
    assertThat(policy.assess(leapDay, true, LocalDate.of(2026, 2, 28)).status())
        .isEqualTo(ReviewStatus.DUE_SOON);
    assertThat(policy.assess(leapDay, true, LocalDate.of(2026, 3, 1)).status())
        .isEqualTo(ReviewStatus.OVERDUE);
  }

  @Test
  void theWindowCountsLeapDays() {
    // Due 2028-03-01; sixty days before, across 29 Feb 2028, is 2028-01-01.
    LocalDate reviewed = LocalDate.of(2026, 3, 1);
    assertThat(policy.assess(reviewed, true, LocalDate.of(2027, 12, 31)).status())
        .isEqualTo(ReviewStatus.CURRENT);
    assertThat(policy.assess(reviewed, true, LocalDate.of(2028, 1, 1)).status())
        .isEqualTo(ReviewStatus.DUE_SOON);
  }

  @Test
  void aPageWithNoReviewWasNeverReviewed() {
    ReviewAssessment never = policy.assess(null, true, LocalDate.of(2026, 11, 22));
    assertThat(never.status()).isEqualTo(ReviewStatus.NEVER_REVIEWED);
    assertThat(never.dueDate()).isNull();
  }

  @Test
  void theSeedPagesAsOfTheTwentySecondOfNovember2026() {
    LocalDate today = LocalDate.of(2026, 11, 22);
    ReviewAssessment healthwise = policy.assess(LocalDate.of(2022, 4, 13), true, today);
    assertThat(healthwise.status()).isEqualTo(ReviewStatus.OVERDUE);
    assertThat(healthwise.dueDate()).isEqualTo(LocalDate.of(2024, 4, 13));
    assertThat(healthwise.daysOverdue()).isEqualTo(953);
  }

  /**
   * Go Ask Alice's "Last reviewed on: Feb 13, 2015" names no clinician: a publisher's review, never
   * a medical one, never current, however recent (issue 9, item 1).
   */
  @Test
  void aReviewThatNamesNoClinicianIsAPublisherReviewNeverCurrent() {
    LocalDate today = LocalDate.of(2026, 11, 22);
    ReviewAssessment goAskAlice = policy.assess(LocalDate.of(2015, 2, 13), false, today);
    assertThat(goAskAlice.status()).isEqualTo(ReviewStatus.PUBLISHER_REVIEWED);
    assertThat(goAskAlice.lastReviewed()).isEqualTo(LocalDate.of(2015, 2, 13));
    assertThat(goAskAlice.dueDate()).isNull();
    assertThat(policy.assess(today.minusDays(1), false, today).status())
        .isEqualTo(ReviewStatus.PUBLISHER_REVIEWED);
    assertThat(ReviewStatus.PUBLISHER_REVIEWED.medicallyReviewed()).isFalse();
  }

  @Test
  void otherIntervalsAndWindowsAreHonoured() {
    ReviewPolicy medlinePlus = new ReviewPolicy(36, 30);
    assertThat(
            medlinePlus.assess(LocalDate.of(2024, 1, 1), true, LocalDate.of(2026, 12, 1)).status())
        .isEqualTo(ReviewStatus.CURRENT);
    assertThat(
            medlinePlus.assess(LocalDate.of(2024, 1, 1), true, LocalDate.of(2026, 12, 2)).status())
        .isEqualTo(ReviewStatus.DUE_SOON);
  }

  @Test
  void refusesANonsensePolicy() {
    assertThatThrownBy(() -> new ReviewPolicy(0, 60)).isInstanceOf(IllegalArgumentException.class);
  }
}
