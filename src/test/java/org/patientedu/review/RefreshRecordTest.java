package org.patientedu.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.fhirserver.readcache.CurrentVersions.Fingerprint;

/** The record's file and the rule of when it still holds; the store is not asked here (null). */
class RefreshRecordTest {

  private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
  private static final RefreshRecord.Refreshed REFRESHED =
      new RefreshRecord.Refreshed(DAY, 24, 60, new Fingerprint(50, 60), new Fingerprint(50, 55));

  @TempDir Path dataDir;

  @Test
  void aRefreshIsReadBackAsWritten() {
    RefreshRecord record = new RefreshRecord(dataDir, new ReviewPolicy(24, 60), null);
    assertThat(record.last()).isEmpty();
    record.save(REFRESHED);
    assertThat(record.last()).contains(REFRESHED);
  }

  @Test
  void anUnreadableRecordMeansRefreshInFull() throws Exception {
    Files.writeString(dataDir.resolve("review-refresh.txt"), "2026-11-30 24 sixty 50 60 50 55");
    assertThat(new RefreshRecord(dataDir, new ReviewPolicy(24, 60), null).last()).isEmpty();
  }

  @Test
  void theStatesHoldOnTheSameDayUnderTheSamePolicyOverAStoreThatOnlyGrew() {
    assertThat(REFRESHED.stillHolds(REFRESHED)).isTrue();
    // an editor's update (a version more) and a new page since: both stamped as they were stored
    assertThat(
            REFRESHED.stillHolds(
                new RefreshRecord.Refreshed(
                    DAY, 24, 60, new Fingerprint(51, 62), new Fingerprint(50, 55))))
        .isTrue();
  }

  @Test
  void aNewDayAnotherPolicyOrAStoreThatLostVersionsNeedAFullRefresh() {
    assertThat(
            REFRESHED.stillHolds(
                new RefreshRecord.Refreshed(
                    DAY.plusDays(1), 24, 60, new Fingerprint(50, 60), new Fingerprint(50, 55))))
        .isFalse();
    assertThat(
            REFRESHED.stillHolds(
                new RefreshRecord.Refreshed(
                    DAY, 36, 60, new Fingerprint(50, 60), new Fingerprint(50, 55))))
        .isFalse();
    assertThat(
            REFRESHED.stillHolds(
                new RefreshRecord.Refreshed(
                    DAY, 24, 30, new Fingerprint(50, 60), new Fingerprint(50, 55))))
        .isFalse();
    // a backup from before the refresh restored: fewer versions than the refresh left
    assertThat(
            REFRESHED.stillHolds(
                new RefreshRecord.Refreshed(
                    DAY, 24, 60, new Fingerprint(50, 58), new Fingerprint(50, 55))))
        .isFalse();
    assertThat(
            REFRESHED.stillHolds(
                new RefreshRecord.Refreshed(
                    DAY, 24, 60, new Fingerprint(50, 60), new Fingerprint(49, 55))))
        .isFalse();
  }

  @Test
  void onlyDaysHavePassedOnALaterDayUnderTheSamePolicyOverAStoreThatOnlyGrew() {
    assertThat(REFRESHED.onlyDaysPassedBefore(refreshed(DAY.plusDays(1), 24, 60, 51, 62))).isTrue();
    assertThat(REFRESHED.onlyDaysPassedBefore(refreshed(DAY.plusYears(3), 24, 60, 50, 60)))
        .isTrue();
    // the same day (nothing to do), a day before it (the clock went back), another policy, or a
    // store that lost versions: every page is read
    assertThat(REFRESHED.onlyDaysPassedBefore(REFRESHED)).isFalse();
    assertThat(REFRESHED.onlyDaysPassedBefore(refreshed(DAY.minusDays(1), 24, 60, 50, 60)))
        .isFalse();
    assertThat(REFRESHED.onlyDaysPassedBefore(refreshed(DAY.plusDays(1), 36, 60, 50, 60)))
        .isFalse();
    assertThat(REFRESHED.onlyDaysPassedBefore(refreshed(DAY.plusDays(1), 24, 30, 50, 60)))
        .isFalse();
    assertThat(REFRESHED.onlyDaysPassedBefore(refreshed(DAY.plusDays(1), 24, 60, 50, 58)))
        .isFalse();
  }

  /** A record with the documents' fingerprint of {@link #REFRESHED}. */
  private static RefreshRecord.Refreshed refreshed(
      LocalDate day, int months, int dueSoonDays, long libraries, long libraryVersions) {
    return new RefreshRecord.Refreshed(
        day,
        months,
        dueSoonDays,
        new Fingerprint(libraries, libraryVersions),
        REFRESHED.documents());
  }
}
