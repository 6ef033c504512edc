package org.patientedu.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The review settings ({@code edu.review.*}) as Spring binds them from the environment. */
class ReviewSettingsTest {

  @EnableConfigurationProperties(ReviewProperties.class)
  static class Settings {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withUserConfiguration(Settings.class, ReviewConfiguration.class);

  @Test
  void todayFixesTheDateThePolicyReads() {
    context
        .withPropertyValues("edu.review.today=2030-01-02")
        .run(
            running ->
                assertThat(LocalDate.now(running.getBean(Clock.class)))
                    .isEqualTo(LocalDate.of(2030, 1, 2)));
  }

  @Test
  void withoutTodayTheClockIsTheRealOne() {
    context.run(
        running -> {
          LocalDate before = LocalDate.now();
          LocalDate seen = LocalDate.now(running.getBean(Clock.class));
          assertThat(seen).isBetween(before, LocalDate.now());
        });
  }

  @Test
  void theIntervalAndTheDueSoonWindowReachThePolicy() {
    context
        .withPropertyValues("edu.review.interval-months=12", "edu.review.due-soon-days=30")
        .run(
            running -> {
              ReviewPolicy policy = running.getBean(ReviewPolicy.class);
              assertThat(policy.intervalMonths()).isEqualTo(12);
              assertThat(policy.dueSoonDays()).isEqualTo(30);
              // reviewed 2029-01-10, due 2030-01-10: 30 days before is due soon, 31 is current
              assertThat(
                      policy
                          .assess(LocalDate.of(2029, 1, 10), true, LocalDate.of(2029, 12, 11))
                          .status())
                  .isEqualTo(ReviewStatus.DUE_SOON);
              assertThat(
                      policy
                          .assess(LocalDate.of(2029, 1, 10), true, LocalDate.of(2029, 12, 10))
                          .status())
                  .isEqualTo(ReviewStatus.CURRENT);
            });
  }

  @Test
  void theDefaultsAreTwentyFourMonthsAndSixtyDays() {
    context.run(
        running -> {
          ReviewPolicy policy = running.getBean(ReviewPolicy.class);
          assertThat(policy.intervalMonths()).isEqualTo(24);
          assertThat(policy.dueSoonDays()).isEqualTo(60);
          assertThat(running.getBean(ReviewProperties.class).refreshCron())
              .isEqualTo("0 5 0 * * *");
        });
  }
}
