package org.patientedu.contentpack.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.synthetic.SyntheticPackCommand;
import org.patientedu.ig.IgPackage;
import org.patientedu.ig.ProfileValidation;

/**
 * Every pack file is parsed strictly, and validated before it is stored; a bad one is named in the
 * error.
 */
class ContentPackReaderTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final FhirValidator VALIDATOR =
      ProfileValidation.newValidator(FHIR, IgPackage.fromClasspath());
  private static final ContentPackReader READER = new ContentPackReader(FHIR, () -> VALIDATOR);

  @TempDir Path pack;

  @Test
  void readsAndValidatesTheShippedPack() {
    // read() validates every file it returns, and throws on the first that fails
    assertThat(READER.read(Path.of("fhir-resources")))
        .isNotEmpty()
        .allSatisfy(file -> assertThat(file.resource().getIdElement().hasIdPart()).isTrue());
  }

  /**
   * The jar carries the pack (five pages, four resources each: Library, DocumentReference, two
   * Binary renditions), file for file the same bytes as the folder it was built from.
   */
  @Test
  void bundledPackIsTheFolderFileForFile() {
    List<ContentPackReader.PackFile> bundled = READER.readBundled();
    assertThat(bundled)
        .hasSize(20)
        .extracting(ContentPackReader.PackFile::typeAndId)
        .contains(
            "Library/oxytocin-healthwise",
            "DocumentReference/oxytocin-perexp",
            "Binary/oxytocin-goaskalice-html",
            "Binary/oxytocin-noigroup-text");
    assertThat(bundled)
        .allSatisfy(
            file -> assertThat(file.file().location()).startsWith("classpath:content-pack/"));
    assertThat(bundled)
        .extracting(file -> file.file().sha1())
        .containsExactlyElementsOf(
            READER.read(Path.of("fhir-resources")).stream()
                .map(file -> file.file().sha1())
                .toList());
  }

  /**
   * The guide's validator is asked for once, on the reading thread, though the files are validated
   * in batches on several threads: made on a common fork-join pool thread, whose context class
   * loader under java -jar sees none of the application, HAPI's cache provider lookup (HAPI-2200)
   * and the guide's packages would not be found.
   */
  @Test
  void asksForTheValidatorOnTheReadingThreadOnly() {
    // 26 pages of 4 files: more than one validation batch (at least 100 files each)
    assertThat(
            SyntheticPackCommand.run(
                new String[] {"synthetic-pack", "--count", "26", "--out", pack.toString()}))
        .isZero();
    List<Thread> askedOn = new CopyOnWriteArrayList<>();
    ContentPackReader reader =
        new ContentPackReader(
            FHIR,
            () -> {
              askedOn.add(Thread.currentThread());
              return VALIDATOR;
            });

    assertThat(reader.read(pack)).hasSize(104);
    assertThat(askedOn).containsExactly(Thread.currentThread());
  }

  @Test
  void listsTheJsonFilesAtAnyDepthInNameOrderAndNothingElse() throws IOException {
    write("b/sub/deeper/Binary.json", "{}");
    write("a/Library.json", "{}");
    write("top.json", "{}");
    write("README.md", "not part of the pack");
    write("a/notes.txt", "nor this");
    assertThat(READER.list(pack))
        .extracting(file -> pack.relativize(Path.of(file.location())).toString())
        .containsExactly("a/Library.json", "b/sub/deeper/Binary.json", "top.json");
  }

  @Test
  void namesAFileThatIsNotJson() throws IOException {
    write("page/Library.json", "{\"resourceType\":\"Library\",");
    assertThatThrownBy(() -> READER.read(pack))
        .isInstanceOf(ContentPackException.class)
        .hasMessageContaining("page/Library.json")
        .hasMessageContaining("not a valid FHIR R4 JSON resource");
  }

  @Test
  void namesAFileWithAnUnknownElement() throws IOException {
    write(
        "page/Library.json",
        library("typo").replace("\"status\"", "\"statsu\": \"draft\", \"status\""));
    assertThatThrownBy(() -> READER.read(pack))
        .hasMessageContaining("page/Library.json")
        .hasMessageContaining("statsu");
  }

  @Test
  void namesAFileThatFailsValidation() throws IOException {
    write("page/Library.json", "{\"resourceType\":\"Library\",\"id\":\"no-status\"}");
    assertThatThrownBy(() -> READER.read(pack))
        .hasMessageContaining("page/Library.json")
        .hasMessageContaining("fails validation")
        .hasMessageContaining("Library.status");
  }

  /**
   * A slice is validated in as few calls as keep the cores busy, so one call holds hundreds of
   * files: the file named is still the bad one, not the first of its batch. 300 good files, then a
   * bad one in folder order (the 301st: one batch of 301 on one core, two of 151 on two).
   */
  @Test
  void namesTheBadFileDeepInABigBatch() throws IOException {
    for (int i = 1; i <= 300; i++) {
      write("good-%03d/Library.json".formatted(i), library("good-" + i));
    }
    write("zz-bad/Library.json", "{\"resourceType\":\"Library\",\"id\":\"no-status\"}");
    assertThatThrownBy(() -> READER.read(pack))
        .hasMessageStartingWith(pack.resolve("zz-bad/Library.json").toString())
        .hasMessageContaining("fails validation")
        .hasMessageContaining("Library.status");
  }

  /** 800 files (a slice of 200 pages) on 2 cores: two calls of 400; never fewer than 100 a call. */
  @Test
  void validatesASliceInOneCallPerCore() {
    assertThat(ContentPackReader.validationBatch(800, 2)).isEqualTo(400);
    assertThat(ContentPackReader.validationBatch(801, 2)).isEqualTo(401);
    assertThat(ContentPackReader.validationBatch(20, 2)).isEqualTo(100);
    assertThat(ContentPackReader.validationBatch(800, 16)).isEqualTo(100);
  }

  /**
   * The loader's validation is the one the write validation would make (it skips it for what the
   * loader validated): a file that claims the Library profile is held to it, not only to FHIR R4.
   */
  @Test
  void namesAFileThatFailsTheProfileItClaims() throws IOException {
    String noPublisher =
        Files.readString(Path.of("src/test/resources/ig/errors/Library-no-publisher.json"))
            .replace(
                "\"resourceType\": \"Library\",",
                "\"resourceType\": \"Library\", \"meta\": { \"profile\": [ \""
                    + PackTerminology.PROFILE_LIBRARY
                    + "\" ] },");
    write("page/Library.json", noPublisher);
    assertThatThrownBy(() -> READER.read(pack))
        .hasMessageContaining("page/Library.json")
        .hasMessageContaining("fails validation")
        .hasMessageContaining("Library.publisher");
  }

  /** A page's files stay together; five pages, two a slice: 2, 2 and 1 pages. */
  @Test
  void slicesKeepAPagesFilesTogether() throws IOException {
    for (String page : List.of("a", "b", "c", "d", "e")) {
      write(page + "/Library.json", library(page));
      write(page + "/Library-b.json", library(page + "-b"));
    }
    write("e/Library-c.json", library("e-c"));
    List<List<ContentPackReader.PackFileRef>> slices =
        ContentPackLoader.slices(READER.list(pack), 2);
    assertThat(slices)
        .extracting(
            slice ->
                slice.stream().map(f -> pack.relativize(Path.of(f.location())).toString()).toList())
        .containsExactly(
            List.of("a/Library-b.json", "a/Library.json", "b/Library-b.json", "b/Library.json"),
            List.of("c/Library-b.json", "c/Library.json", "d/Library-b.json", "d/Library.json"),
            List.of("e/Library-b.json", "e/Library-c.json", "e/Library.json"));
  }

  /**
   * A first load of more than 100 pages (400 files) under less than -Xmx1g is told, before it
   * starts, to use -Xmx1g; -Xmx512m reports 499 MB and -Xmx1g 989 MB under the serial collector.
   */
  @Test
  void aLargeLoadUnderASmallHeapIsToldWhichHeapItNeeds() {
    long mb = 1024 * 1024;
    assertThat(ContentPackLoader.heapAdvice(4000, 499 * mb))
        .hasValueSatisfying(
            advice ->
                assertThat(advice)
                    .contains("4000 files to validate")
                    .contains("maximum heap of 499 MB")
                    .contains("-Xmx1g"));
    assertThat(ContentPackLoader.heapAdvice(401, 767 * mb)).isPresent();
    assertThat(ContentPackLoader.heapAdvice(400, 499 * mb)).isEmpty();
    assertThat(ContentPackLoader.heapAdvice(40000, 989 * mb)).isEmpty();
  }

  @Test
  void refusesAResourceWithoutAnId() throws IOException {
    write("page/Library.json", library("x").replace("\"id\": \"x\",", ""));
    assertThatThrownBy(() -> READER.read(pack)).hasMessageContaining("has no id");
  }

  @Test
  void refusesTheSameIdTwice() throws IOException {
    write("a/Library.json", library("same"));
    write("b/Library.json", library("same"));
    assertThatThrownBy(() -> READER.read(pack))
        .hasMessageContaining("Library/same")
        .hasMessageContaining("also defined in");
  }

  private void write(String relative, String content) throws IOException {
    Path file = pack.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private static String library(String id) {
    return """
        {
          "resourceType": "Library",
          "id": "%s",
          "status": "draft",
          "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/library-type", "code": "asset-collection" } ] }
        }
        """
        .formatted(id);
  }
}
