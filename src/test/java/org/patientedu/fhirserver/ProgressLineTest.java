package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The lines a long start-up task logs after each part: how far, how long so far, how long to go.
 */
class ProgressLineTest {

  @Test
  void theTimeToGoIsReckonedAtThePaceOfTheSlicesAfterTheFirst() {
    // 50 slices of 800 files; the first took 14 s (the validator made, the JVM cold), the second
    // 3.5 s: the other 38,400 files take 48 slices of 3.5 s, 168 s
    ProgressLine progress = new ProgressLine("Content pack", "files", "validated", 40_000);
    assertThat(progress.after(800, Duration.ofSeconds(14)))
        .isEqualTo("Content pack: 800 of 40,000 files validated (2 %), 14 s so far");
    assertThat(progress.after(1_600, Duration.ofMillis(17_500)))
        .isEqualTo(
            "Content pack: 1,600 of 40,000 files validated (4 %), 17 s so far, about 168 s to go");
    // half-way, 24 slices after the first in 84 s: the 25 left take 87.5 s
    assertThat(progress.after(20_000, Duration.ofSeconds(98)))
        .isEqualTo(
            "Content pack: 20,000 of 40,000 files validated (50 %), 98 s so far, about 87 s to go");
  }

  @Test
  void nothingLeftHasNoTimeToGo() {
    ProgressLine progress = new ProgressLine("Content pack", "files", "stored", 400);
    progress.after(200, Duration.ofSeconds(12));
    assertThat(progress.after(400, Duration.ofSeconds(30)))
        .isEqualTo("Content pack: 400 of 400 files stored (100 %), 30 s so far");
  }
}
