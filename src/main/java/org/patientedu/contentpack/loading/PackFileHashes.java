package org.patientedu.contentpack.loading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-1 of each file of a pack folder as the last start found it, kept in the data directory
 * with the file's size, inode and change time, so that a restart on an unchanged pack of 10,000
 * pages reads none of its 40,000 files again (hashing them took 1.8 s with the files in the page
 * cache and 7 s without, measured 2026-12-03; a stat of each, on two threads, 0.2-0.5 s).
 *
 * <p>The hash is only the key the loader looks the file up by in the store; a file whose recorded
 * hash were wrong would be taken for one already stored. So an entry is trusted only as git trusts
 * its index: same size, same inode, same status-change time ({@code ctime}, which the system sets
 * on every write and which no tool can set back, unlike the modification time that {@code tar} and
 * {@code cp -p} restore), and that time older than the record by {@link #RACY_MARGIN}, since a file
 * written in the same tick as the record could change again without its times changing. Where the
 * file system has no such attributes, nothing is trusted and every file is hashed, as before.
 */
final class PackFileHashes {

  private static final Logger log = LoggerFactory.getLogger(PackFileHashes.class);

  static final String FILE_NAME = "content-pack-hashes.tsv";

  /** The record's first line; a record in another format is ignored, and rewritten. */
  private static final String HEADER = "# content-pack file hashes v1: sha1, size, inode, ctime";

  /** Like git's "racily clean" entries: a file changed this close to the record is hashed again. */
  static final Duration RACY_MARGIN = Duration.ofSeconds(2);

  /** What a file's attributes say about it, compared with the recorded ones. */
  record Stamp(long size, long inode, long changedNanos) {}

  private record Entry(Stamp stamp, String sha1) {}

  private final Path record;
  private final Map<String, Entry> recorded;
  private final Instant recordedAt;
  private final Duration racyMargin;
  private final Map<String, Entry> seen = new ConcurrentHashMap<>();
  private final AtomicInteger hashed = new AtomicInteger();

  private PackFileHashes(
      Path record, Map<String, Entry> recorded, Instant recordedAt, Duration racyMargin) {
    this.record = record;
    this.recorded = recorded;
    this.recordedAt = recordedAt;
    this.racyMargin = racyMargin;
  }

  /** The record in {@code dataDir}, or an empty one if there is none or it cannot be read. */
  static PackFileHashes in(Path dataDir) {
    return in(dataDir, RACY_MARGIN);
  }

  static PackFileHashes in(Path dataDir, Duration racyMargin) {
    Path record = dataDir.resolve(FILE_NAME);
    Map<String, Entry> recorded = new ConcurrentHashMap<>();
    Instant recordedAt = Instant.EPOCH;
    try {
      recordedAt = Files.getLastModifiedTime(record).toInstant();
      List<String> lines = Files.readAllLines(record, StandardCharsets.UTF_8);
      if (!lines.isEmpty() && lines.get(0).equals(HEADER)) {
        for (String line : lines.subList(1, lines.size())) {
          String[] fields = line.split("\t", 5);
          recorded.put(
              fields[4],
              new Entry(
                  new Stamp(
                      Long.parseLong(fields[1]),
                      Long.parseLong(fields[2]),
                      Long.parseLong(fields[3])),
                  fields[0]));
        }
      }
    } catch (NoSuchFileException first) {
      // the first start on this data directory: every file is hashed
    } catch (IOException | RuntimeException unreadable) {
      // only a cache: a damaged one costs a full hash, not a start
      log.warn("Content pack: ignoring {} ({}); hashing every file", record, unreadable.toString());
      recorded.clear();
    }
    return new PackFileHashes(record, recorded, recordedAt, racyMargin);
  }

  /**
   * The file's SHA-1: the recorded one if the file has not changed since, else {@code hash}'s. Safe
   * to call from several threads.
   */
  String sha1(Path file, Supplier<String> hash) {
    String key = file.toAbsolutePath().toString();
    Stamp stamp = stamp(file);
    Entry known = recorded.get(key);
    String sha1;
    if (stamp != null && known != null && known.stamp().equals(stamp) && settled(stamp)) {
      sha1 = known.sha1();
    } else {
      sha1 = hash.get();
      hashed.incrementAndGet();
    }
    if (stamp != null) {
      seen.put(key, new Entry(stamp, sha1));
    }
    return sha1;
  }

  /** How many files {@link #sha1} had to hash (not known, changed, or too new to trust). */
  int hashed() {
    return hashed.get();
  }

  /**
   * Writes what this listing found, if it differs from the record: the files listed, nothing else
   * (a file removed from the pack leaves the record). A record that cannot be written is only
   * logged: the next start hashes again.
   */
  void save() {
    if (hashed.get() == 0 && seen.equals(recorded)) {
      return;
    }
    List<String> lines = new ArrayList<>(seen.size() + 1);
    lines.add(HEADER);
    seen.forEach(
        (path, entry) ->
            lines.add(
                String.join(
                    "\t",
                    entry.sha1(),
                    Long.toString(entry.stamp().size()),
                    Long.toString(entry.stamp().inode()),
                    Long.toString(entry.stamp().changedNanos()),
                    path)));
    try {
      Files.createDirectories(record.getParent()); // on PostgreSQL nothing else may have made it
      Path temporary = record.resolveSibling(FILE_NAME + ".tmp");
      Files.write(temporary, lines, StandardCharsets.UTF_8);
      Files.move(
          temporary, record, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      log.warn("Content pack: cannot write {} ({}); the next start hashes again", record, e);
    }
  }

  private boolean settled(Stamp stamp) {
    return stamp.changedNanos() < epochNanos(recordedAt) - racyMargin.toNanos();
  }

  private static long epochNanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }

  /** Size, inode and change time, or null where the file system does not give them. */
  private static Stamp stamp(Path file) {
    try {
      Map<String, Object> unix = Files.readAttributes(file, "unix:size,ino,ctime");
      return new Stamp(
          (Long) unix.get("size"),
          (Long) unix.get("ino"),
          epochNanos(((FileTime) unix.get("ctime")).toInstant()));
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      return null;
    } catch (IOException unreadable) {
      return null; // reading the file to hash it then says why, naming it
    }
  }
}
