package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.contentpack.page.ImportSettings;

/**
 * The committed pack must be exactly what the importer builds from the committed sources and
 * import.properties; otherwise someone edited generated JSON by hand or changed the importer
 * without regenerating.
 */
class PackDriftTest {

  private static final String HOW_TO_FIX =
      "is out of date with its source + import.properties. Run `reimport` "
          + "(ImportCommand.run(new String[] {\"reimport\"}), i.e. the application's `reimport` command) "
          + "and commit fhir-resources/.";

  @TempDir Path temp;

  @Test
  void everyImportedFolderRebuildsByteForByte() throws IOException {
    List<Path> folders = PackEntryWriter.importedFolders(PackFixtures.PACK);
    assertThat(folders).extracting(p -> p.getFileName().toString()).containsAll(PackFixtures.IDS);
    for (Path committed : folders) {
      Path rebuilt = temp.resolve(committed.getFileName());
      Files.createDirectories(rebuilt);
      ImportSettings settings = ImportSettings.load(committed.resolve(ImportSettings.FILE_NAME));
      Files.copy(
          committed.resolve(ImportSettings.FILE_NAME), rebuilt.resolve(ImportSettings.FILE_NAME));
      Files.copy(committed.resolve(settings.sourceFile()), rebuilt.resolve(settings.sourceFile()));
      for (String translation : settings.translations().values()) {
        Files.copy(committed.resolve(translation), rebuilt.resolve(translation));
      }
      new PackEntryWriter().rebuild(rebuilt);

      assertThat(fileNames(committed)).as("files of %s", committed).isEqualTo(fileNames(rebuilt));
      for (String name : fileNames(rebuilt)) {
        String expected = Files.readString(rebuilt.resolve(name));
        String actual = Files.readString(committed.resolve(name));
        assertThat(actual).as("%s/%s %s", committed, name, HOW_TO_FIX).isEqualTo(expected);
        assertThat(Files.readAllBytes(committed.resolve(name)))
            .as("%s/%s %s", committed, name, HOW_TO_FIX)
            .isEqualTo(Files.readAllBytes(rebuilt.resolve(name)));
      }
    }
  }

  private static List<String> fileNames(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
