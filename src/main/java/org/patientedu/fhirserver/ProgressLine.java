package org.patientedu.fhirserver;

import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;

/**
 * How far a long task of the start-up has got, for a log line after each part of it: a first load
 * of 10,000 pages (minutes before the node is ready), or the review states refreshed on the first
 * start of a day (half a minute). Without a line per part, the log said nothing between the start
 * and the end of each, and an operator could not tell a long task from a hung one.
 *
 * <p>The time to go is reckoned from the parts after the first, at their pace: the first part also
 * pays for a cold JVM and for what the task makes on first use (the guide's validator: in a test's
 * load, 14 s against 3 s for the next), and would have put the first estimates several times too
 * high.
 */
public final class ProgressLine {

  private final String task;
  private final String items;
  private final String done;
  private final int total;
  private final long started = System.nanoTime();
  private int firstDone = -1;
  private Duration firstElapsed;

  /**
   * @param task what the log line is about ("Content pack")
   * @param items what is counted, plural ("files")
   * @param done what is done to them, as the log says it ("validated")
   * @param total how many there are in all; the task's time is counted from now
   */
  public ProgressLine(String task, String items, String done, int total) {
    this.task = task;
    this.items = items;
    this.done = done;
    this.total = total;
  }

  /**
   * Logs the line once {@code count} of the items are through, unless that was all of them: the
   * task's own summary follows the last part.
   */
  public void log(Logger log, int count) {
    if (count < total) {
      log.info(after(count, Duration.ofNanos(System.nanoTime() - started)));
    }
  }

  /** The line once {@code count} of the items are through, {@code elapsed} since the task began. */
  public String after(int count, Duration elapsed) {
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s: %,d of %,d %s %s (%d %%), %d s so far",
                task,
                count,
                total,
                items,
                done,
                total == 0 ? 100 : count * 100L / total,
                elapsed.toSeconds()));
    if (firstDone < 0) {
      firstDone = count;
      firstElapsed = elapsed;
    } else if (count > firstDone && count < total) {
      long toGo =
          elapsed.minus(firstElapsed).toMillis() * (total - count) / (count - firstDone) / 1000;
      line.append(String.format(Locale.ROOT, ", about %d s to go", toGo));
    }
    return line.toString();
  }
}
