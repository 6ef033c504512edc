package org.patientedu.contentpack.loading;

import java.time.Duration;
import java.util.Locale;

/**
 * How far one phase of a load has got, for the log after each slice. A first load of 10,000 pages
 * takes minutes before the node is ready; without a line per slice its log said nothing between "to
 * read" and the end of each phase, and an operator could not tell a long load from a hung one.
 *
 * <p>The time to go is reckoned from the slices after the first, at their pace: the first slice
 * also pays for making the guide's validator and for a cold JVM (in a test's load, 14 s against 3 s
 * for the next), and would have put the first estimates several times too high.
 */
final class LoadProgress {

  private final String phase;
  private final int total;
  private int firstDone = -1;
  private Duration firstElapsed;

  /**
   * @param phase what is done to the files, as the log says it ("validated", "stored")
   * @param total how many files the phase has in all
   */
  LoadProgress(String phase, int total) {
    this.phase = phase;
    this.total = total;
  }

  int total() {
    return total;
  }

  /** The line once {@code done} of the files are through, {@code elapsed} since the phase began. */
  String after(int done, Duration elapsed) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Content pack: %,d of %,d files %s (%d %%), %d s so far",
                done,
                total,
                phase,
                total == 0 ? 100 : done * 100L / total,
                elapsed.toSeconds()));
    if (firstDone < 0) {
      firstDone = done;
      firstElapsed = elapsed;
    } else if (done > firstDone && done < total) {
      long toGo =
          elapsed.minus(firstElapsed).toMillis() * (total - done) / (done - firstDone) / 1000;
      line.append(String.format(Locale.ROOT, ", about %d s to go", toGo));
    }
    return line.toString();
  }
}
