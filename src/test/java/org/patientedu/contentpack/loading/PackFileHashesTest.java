package org.patientedu.contentpack.loading;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pack folder's files are hashed once: the next listing takes the recorded hash of each file
 * whose size, inode and change time are the same, and hashes any other.
 */
class PackFileHashesTest {

  /** SHA-1 of the three bytes "abc" (FIPS 180-1, appendix A). */
  private static final String SHA1_OF_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d";

  /** SHA-1 of "abd", from {@code printf abd | sha1sum}. */
  private static final String SHA1_OF_ABD = "cb4cc28df0fdbe0ecf9d9662e294b118092a5735";

  private final ContentPackReader reader =
      new ContentPackReader(
          FhirContext.forR4Cached(),
          () -> {
            throw new AssertionError("listing validates nothing");
          });

  @TempDir Path pack;
  @TempDir Path dataDir;

  @BeforeEach
  void threeFiles() throws Exception {
    for (String page : List.of("a", "b", "c")) {
      Files.createDirectories(pack.resolve(page));
      Files.writeString(pack.resolve(page + "/Library.json"), "abc");
    }
    // the record is written later than the files by more than the file system's clock tick
    Thread.sleep(50);
  }

  @Test
  void aSecondListingHashesNoUnchangedFile() {
    PackFileHashes first = PackFileHashes.in(dataDir, Duration.ZERO);
    assertThat(reader.list(pack, first))
        .extracting(ContentPackReader.PackFileRef::sha1)
        .containsExactly(SHA1_OF_ABC, SHA1_OF_ABC, SHA1_OF_ABC);
    assertThat(first.hashed()).isEqualTo(3);
    first.save();

    PackFileHashes second = PackFileHashes.in(dataDir, Duration.ZERO);
    assertThat(reader.list(pack, second))
        .extracting(ContentPackReader.PackFileRef::sha1)
        .containsExactly(SHA1_OF_ABC, SHA1_OF_ABC, SHA1_OF_ABC);
    assertThat(second.hashed()).isZero();
  }

  @Test
  void aFileRewrittenToTheSameSizeAndGivenItsOldTimeBackIsHashedAgain() throws Exception {
    recordAListing();

    // as tar or cp -p would leave it: other bytes, same size, the old modification time
    Path changed = pack.resolve("b/Library.json");
    FileTime modified = Files.getLastModifiedTime(changed);
    Files.writeString(changed, "abd");
    Files.setLastModifiedTime(changed, modified);

    PackFileHashes second = PackFileHashes.in(dataDir, Duration.ZERO);
    assertThat(reader.list(pack, second))
        .extracting(ContentPackReader.PackFileRef::sha1)
        .containsExactly(SHA1_OF_ABC, SHA1_OF_ABD, SHA1_OF_ABC);
    assertThat(second.hashed()).isEqualTo(1);
  }

  @Test
  void aFileChangedTooCloseToTheRecordIsHashedAgain() {
    recordAListing();

    // the files are 50 ms older than the record: within an hour's margin, none is trusted
    PackFileHashes second = PackFileHashes.in(dataDir, Duration.ofHours(1));
    reader.list(pack, second);
    assertThat(second.hashed()).isEqualTo(3);
  }

  @Test
  void aDamagedRecordCostsAFullHashAndIsWrittenAgain() throws Exception {
    Files.writeString(
        dataDir.resolve(PackFileHashes.FILE_NAME),
        "# content-pack file hashes v1: sha1, size, inode, ctime\nnot\ta\trecord\n");
    PackFileHashes damaged = PackFileHashes.in(dataDir, Duration.ZERO);
    assertThat(reader.list(pack, damaged))
        .extracting(ContentPackReader.PackFileRef::sha1)
        .containsOnly(SHA1_OF_ABC);
    assertThat(damaged.hashed()).isEqualTo(3);
    damaged.save();

    PackFileHashes next = PackFileHashes.in(dataDir, Duration.ZERO);
    reader.list(pack, next);
    assertThat(next.hashed()).isZero();
  }

  @Test
  void aFileRemovedFromThePackLeavesTheRecord() throws Exception {
    recordAListing();
    Files.delete(pack.resolve("c/Library.json"));

    PackFileHashes second = PackFileHashes.in(dataDir, Duration.ZERO);
    assertThat(reader.list(pack, second)).hasSize(2);
    second.save();

    List<String> record =
        Files.readAllLines(dataDir.resolve(PackFileHashes.FILE_NAME), StandardCharsets.UTF_8);
    assertThat(record).hasSize(3); // the header and two files
    assertThat(record.subList(1, 3))
        .allSatisfy(line -> assertThat(line).startsWith(SHA1_OF_ABC).doesNotContain("/c/"));
  }

  /** Lists the pack once and keeps its record, as a start does. */
  private void recordAListing() {
    PackFileHashes listing = PackFileHashes.in(dataDir, Duration.ZERO);
    reader.list(pack, listing);
    listing.save();
  }
}
