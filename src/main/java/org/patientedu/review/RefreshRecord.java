package org.patientedu.review;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Optional;
import org.patientedu.fhirserver.readcache.CurrentVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the last complete refresh of the stored review states left behind, kept in the node's data
 * directory: the day, the policy, and the fingerprints of the Libraries and DocumentReferences just
 * after it. On the same day, under the same policy, over a store that has only grown since (every
 * write adds a version, and every write is stamped as of its day by {@link
 * ReviewStampingInterceptor}), the stored states are what a refresh would write, so a restart need
 * not read a single page. A store with fewer resources or versions than recorded (a restored
 * backup, an expunge) is refreshed in full. An empty store is right by definition: recorded before
 * the pack's first load ({@link EmptyStoreRecord}), it spares the first start a refresh of pages it
 * has just stamped.
 */
final class RefreshRecord {

  /** The state of the store a refresh vouched for. */
  record Refreshed(
      LocalDate day,
      int intervalMonths,
      int dueSoonDays,
      CurrentVersions.Fingerprint libraries,
      CurrentVersions.Fingerprint documents) {

    /**
     * Whether the states this refresh vouched for still hold for the store as it is now: same day,
     * same policy, nothing taken away since.
     */
    boolean stillHolds(Refreshed now) {
      return day.equals(now.day) && sameRulesOverAGrownStore(now);
    }

    /**
     * Whether only days have passed since this refresh: a later day, the same policy, nothing taken
     * away since. Then every stored state was right on its day (this refresh's, or the write's,
     * which was stamped), and only the states that move as days pass ({@link
     * ReviewStatus#movesAsDaysPass()}) can be wrong today.
     */
    boolean onlyDaysPassedBefore(Refreshed now) {
      return day.isBefore(now.day) && sameRulesOverAGrownStore(now);
    }

    private boolean sameRulesOverAGrownStore(Refreshed now) {
      return intervalMonths == now.intervalMonths
          && dueSoonDays == now.dueSoonDays
          && grownFrom(libraries, now.libraries)
          && grownFrom(documents, now.documents);
    }

    private static boolean grownFrom(
        CurrentVersions.Fingerprint then, CurrentVersions.Fingerprint now) {
      return now.resources() >= then.resources() && now.versions() >= then.versions();
    }

    String asText() {
      return String.join(
          " ",
          day.toString(),
          Integer.toString(intervalMonths),
          Integer.toString(dueSoonDays),
          Long.toString(libraries.resources()),
          Long.toString(libraries.versions()),
          Long.toString(documents.resources()),
          Long.toString(documents.versions()));
    }

    static Optional<Refreshed> parse(String text) {
      String[] parts = text.strip().split(" ");
      if (parts.length != 7) {
        return Optional.empty();
      }
      try {
        return Optional.of(
            new Refreshed(
                LocalDate.parse(parts[0]),
                Integer.parseInt(parts[1]),
                Integer.parseInt(parts[2]),
                new CurrentVersions.Fingerprint(Long.parseLong(parts[3]), Long.parseLong(parts[4])),
                new CurrentVersions.Fingerprint(
                    Long.parseLong(parts[5]), Long.parseLong(parts[6]))));
      } catch (RuntimeException unreadable) {
        return Optional.empty();
      }
    }
  }

  private static final Logger log = LoggerFactory.getLogger(RefreshRecord.class);

  private final Path file;
  private final ReviewPolicy policy;
  private final CurrentVersions currentVersions;

  RefreshRecord(Path dataDir, ReviewPolicy policy, CurrentVersions currentVersions) {
    this.file = dataDir.resolve("review-refresh.txt");
    this.policy = policy;
    this.currentVersions = currentVersions;
  }

  /** Whether the stored states are what a refresh today would write (see above). */
  boolean holds(LocalDate today) {
    Refreshed now = now(today);
    return last().filter(last -> last.stillHolds(now)).isPresent();
  }

  /** Whether only days have passed since the last refresh recorded here (see above). */
  boolean onlyDaysPassed(LocalDate today) {
    Refreshed now = now(today);
    return last().filter(last -> last.onlyDaysPassedBefore(now)).isPresent();
  }

  /** Vouches for the store as it is now: called just after a refresh, or on an empty store. */
  void record(LocalDate today) {
    save(now(today));
  }

  /** No Library and no DocumentReference was ever stored (nor deleted). */
  boolean storeEmpty() {
    return currentVersions.fingerprint("Library").resources() == 0
        && currentVersions.fingerprint("DocumentReference").resources() == 0;
  }

  private Refreshed now(LocalDate today) {
    return new Refreshed(
        today,
        policy.intervalMonths(),
        policy.dueSoonDays(),
        currentVersions.fingerprint("Library"),
        currentVersions.fingerprint("DocumentReference"));
  }

  /** Empty when no refresh was recorded here, or the record cannot be read (then: refresh). */
  Optional<Refreshed> last() {
    try {
      return Files.isRegularFile(file) ? Refreshed.parse(Files.readString(file)) : Optional.empty();
    } catch (IOException unreadable) {
      log.warn("Cannot read {}: the review states are refreshed in full", file, unreadable);
      return Optional.empty();
    }
  }

  void save(Refreshed refreshed) {
    try {
      Files.createDirectories(file.getParent());
      Path written =
          Files.writeString(file.resolveSibling(file.getFileName() + ".new"), refreshed.asText());
      Files.move(
          written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // only costs the next start a full refresh
      log.warn("Cannot record the review refresh in {}", file, e);
    }
  }
}
