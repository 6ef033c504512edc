package org.patientedu.contentpack.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.building.PackEntry;
import org.patientedu.contentpack.page.Person;
import org.patientedu.review.ReviewPolicy;
import org.patientedu.review.ReviewStatus;

/**
 * The synthetic pack: every page says it is synthetic, pages spread over contexts, review states
 * and reading grades as a real library's do, and a seed always gives the same files.
 */
class SyntheticPagesTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 30);
  private static final SyntheticPages PAGES = new SyntheticPages(42, AS_OF);
  private static final int SAMPLE = 1000;

  @TempDir Path temp;

  @Test
  void everyPageIsMarkedSyntheticWhereverItIsShown() {
    List<PackEntry> entries = entries(300);
    assertThat(entries).hasSize(300);
    assertThat(entries)
        .allSatisfy(
            entry -> {
              Library library = entry.library();
              assertThat(library.getExperimental()).isTrue();
              assertThat(library.getTitle()).startsWith("Synthetic test page ");
              assertThat(library.getPublisher()).isEqualTo("Synthetic test content");
              assertThat(library.getDescription()).contains("synthetic test content");
              assertThat(library.getText().getDivAsString())
                  .contains("Synthetic test page ")
                  .contains("This page is synthetic test content.");
              assertThat(entry.documentReference().getDescription())
                  .contains("synthetic test content");
              assertThat(library.getAuthor())
                  .extracting(ContactDetail::getName)
                  .allSatisfy(name -> assertThat(name).startsWith("Synthetic "));
              assertThat(library.getReviewer())
                  .extracting(ContactDetail::getName)
                  .allSatisfy(name -> assertThat(name).startsWith("Synthetic Reviewer "));
              // no source approves anything: only $approve records an approval
              assertThat(library.hasApprovalDate()).isFalse();
              assertThat(new String(entry.htmlBinary().getContent(), StandardCharsets.UTF_8))
                  .contains("This page is synthetic test content.");
            });
  }

  @Test
  void aReviewerIsFictionalAndSaysSo() {
    Person reviewer = SyntheticPages.reviewer(17);
    assertThat(reviewer.nameWithCredentials()).isEqualTo("Synthetic Reviewer 17, MD");
    assertThat(reviewer.specialty()).isEqualTo("Family Medicine");
  }

  @Test
  void pagesSpreadOverContextsLikeARealLibrary() {
    Map<ClinicalContext, Integer> primary = new EnumMap<>(ClinicalContext.class);
    int withSecondary = 0;
    int withSpecificCode = 0;
    for (int n = 1; n <= SAMPLE; n++) {
      var settings = PAGES.page(n).settings();
      primary.merge(settings.contexts().get(0).context(), 1, Integer::sum);
      withSecondary += settings.contexts().size() > 1 ? 1 : 0;
      withSpecificCode +=
          settings.contexts().stream()
                  .flatMap(tag -> tag.codes().stream())
                  .anyMatch(code -> !code.general())
              ? 1
              : 0;
    }
    // weights 34/34/20/8/4 in a thousand pages, with room for chance
    assertThat(primary.get(ClinicalContext.LABOR_DELIVERY)).isBetween(280, 400);
    assertThat(primary.get(ClinicalContext.LACTATION)).isBetween(280, 400);
    assertThat(primary.get(ClinicalContext.PAIN_MANAGEMENT)).isBetween(150, 250);
    assertThat(primary.get(ClinicalContext.EMOTIONAL_HEALTH)).isBetween(50, 110);
    assertThat(primary.get(ClinicalContext.RELATIONSHIPS)).isBetween(20, 60);
    assertThat(withSecondary).isBetween(350, 550);
    assertThat(withSpecificCode).isBetween(10, 60);
  }

  @Test
  void reviewStatesSpreadUnderTheDefaultPolicy() {
    ReviewPolicy defaultPolicy = new ReviewPolicy(24, 60);
    Map<ReviewStatus, Integer> states = new EnumMap<>(ReviewStatus.class);
    int active = 0;
    for (PackEntry entry : entries(SAMPLE)) {
      Library library = entry.library();
      LocalDate reviewed =
          library.hasLastReviewDate()
              ? LocalDate.parse(library.getLastReviewDateElement().getValueAsString())
              : null;
      states.merge(
          defaultPolicy.assess(reviewed, library.hasReviewer(), AS_OF).status(), 1, Integer::sum);
      if (library.getStatus() == PublicationStatus.ACTIVE) {
        active++;
        assertThat(library.getReviewer()).as("active only with named reviewers").isNotEmpty();
      }
    }
    // weights 45/8/20/7/20
    assertThat(states.get(ReviewStatus.CURRENT)).isBetween(380, 520);
    assertThat(states.get(ReviewStatus.DUE_SOON)).isBetween(50, 120);
    assertThat(states.get(ReviewStatus.OVERDUE)).isBetween(150, 250);
    assertThat(states.get(ReviewStatus.PUBLISHER_REVIEWED)).isBetween(40, 110);
    assertThat(states.get(ReviewStatus.NEVER_REVIEWED)).isBetween(150, 250);
    assertThat(active)
        .isEqualTo(
            states.get(ReviewStatus.CURRENT)
                + states.get(ReviewStatus.DUE_SOON)
                + states.get(ReviewStatus.OVERDUE));
  }

  @Test
  void readingGradesSpreadFromEasyToHard() {
    List<Double> grades = new ArrayList<>();
    for (PackEntry entry : entries(SAMPLE)) {
      DecimalType grade =
          (DecimalType)
              entry
                  .library()
                  .getExtensionByUrl(
                      "http://fhir.patientedu.org/StructureDefinition/reading-grade-level")
                  .getValue();
      grades.add(grade.getValue().doubleValue());
    }
    assertThat(grades).hasSize(SAMPLE);
    long easy = grades.stream().filter(g -> g <= 6).count();
    long plain = grades.stream().filter(g -> g > 6 && g <= 10).count();
    long hard = grades.stream().filter(g -> g > 10).count();
    assertThat(easy).as("grade 6 or below").isGreaterThan(100);
    assertThat(plain).as("grade 6 to 10").isGreaterThan(200);
    assertThat(hard).as("above grade 10").isGreaterThan(100);
  }

  @Test
  void aSeedAlwaysWritesTheSameFilesAndAnotherSeedOthers() throws IOException {
    SyntheticPackCommand.write(temp.resolve("a"), 30, 7, AS_OF);
    SyntheticPackCommand.write(temp.resolve("b"), 30, 7, AS_OF);
    SyntheticPackCommand.write(temp.resolve("c"), 30, 8, AS_OF);
    SyntheticPackCommand.write(temp.resolve("d"), 50, 7, AS_OF);
    List<Path> files = files(temp.resolve("a"));
    assertThat(files).hasSize(1 + 30 * 4).contains(Path.of("synthetic-00017/Library.json"));
    assertThat(files(temp.resolve("b"))).isEqualTo(files);
    for (Path file : files) {
      assertThat(Files.readAllBytes(temp.resolve("b").resolve(file)))
          .as(file.toString())
          .isEqualTo(Files.readAllBytes(temp.resolve("a").resolve(file)));
    }
    Path library17 = Path.of("synthetic-00017", "Library.json");
    assertThat(Files.readString(temp.resolve("c").resolve(library17)))
        .as("another seed, another page")
        .isNotEqualTo(Files.readString(temp.resolve("a").resolve(library17)));
    assertThat(Files.readString(temp.resolve("d").resolve(library17)))
        .as("page 17 does not depend on how many pages there are")
        .isEqualTo(Files.readString(temp.resolve("a").resolve(library17)));
  }

  @Test
  void badArgumentsAreRefusedWithTheUsage() throws IOException {
    Files.writeString(Files.createDirectories(temp.resolve("full")).resolve("x.txt"), "x");
    assertUsage("needs --count", "synthetic-pack", "--out", temp.resolve("new").toString());
    assertUsage(
        "--count must be a whole number from 1 to 99999: 0",
        "synthetic-pack",
        "--count",
        "0",
        "--out",
        temp.resolve("new").toString());
    assertUsage(
        "is not empty", "synthetic-pack", "--count", "5", "--out", temp.resolve("full").toString());
    assertUsage(
        "--as-of must be a date such as 2026-11-30: tomorrow",
        "synthetic-pack",
        "--count",
        "5",
        "--out",
        temp.resolve("new").toString(),
        "--as-of",
        "tomorrow");
    assertThat(temp.resolve("new")).doesNotExist();
    assertThat(files(temp.resolve("full"))).containsExactly(Path.of("x.txt"));
  }

  @Test
  void theCommandWritesThePack() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        SyntheticPackCommand.run(
            new String[] {
              "synthetic-pack",
              "--count",
              "3",
              "--out",
              temp.resolve("pack").toString(),
              "--seed",
              "5",
              "--as-of",
              "2026-11-30"
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .startsWith("Wrote 3 synthetic pages (seed 5, review states as of 2026-11-30)");
    assertThat(files(temp.resolve("pack")))
        .containsExactly(
            Path.of("README.txt"),
            Path.of("synthetic-00001/Binary-html.json"),
            Path.of("synthetic-00001/Binary-text.json"),
            Path.of("synthetic-00001/DocumentReference.json"),
            Path.of("synthetic-00001/Library.json"),
            Path.of("synthetic-00002/Binary-html.json"),
            Path.of("synthetic-00002/Binary-text.json"),
            Path.of("synthetic-00002/DocumentReference.json"),
            Path.of("synthetic-00002/Library.json"),
            Path.of("synthetic-00003/Binary-html.json"),
            Path.of("synthetic-00003/Binary-text.json"),
            Path.of("synthetic-00003/DocumentReference.json"),
            Path.of("synthetic-00003/Library.json"));
    assertThat(Files.readString(temp.resolve("pack/README.txt")))
        .startsWith("Synthetic test content: 3 made-up pages for load tests");
  }

  private static void assertUsage(String message, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        SyntheticPackCommand.run(
            args,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(message).contains("Usage:");
  }

  private static List<PackEntry> entries(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(n -> PAGES.page(n).entry()).toList();
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
