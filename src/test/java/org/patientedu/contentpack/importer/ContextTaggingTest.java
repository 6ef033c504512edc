package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.UsageContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.ImportSettings;

/**
 * Issue 9, item 3: a page carries only the context codes a clinician would accept for it, each with
 * a relevance mark and a reason chosen by an editor. The rule: a code for a specific condition (a
 * labor complication, a lactation disorder, a pain syndrome) only on a page whose source text names
 * that condition. The words that name each condition are written here by hand.
 */
class ContextTaggingTest {

  static final List<String> IDS = PackFixtures.IDS;

  /** Specific codes of the value set and the words a source must use to be about the condition. */
  private static final Map<String, List<String>> CONDITION_WORDS =
      Map.of(
          "O61.0", List.of("failed induction", "induction failed", "failed medical induction"),
          "O62.2", List.of("uterine inertia"),
          "O92.79", List.of("disorder of lactation", "lactation disorder"),
          "G89.4", List.of("chronic pain syndrome"));

  @ParameterizedTest
  @FieldSource("IDS")
  void specificConditionCodesOnlyWhereTheSourceNamesTheCondition(String id) {
    String source = PackFixtures.source(id).toLowerCase(Locale.ROOT);
    List<String> codes = codes(PackFixtures.library(id));
    assertThat(codes).isNotEmpty();
    for (String code : codes) {
      List<String> words = CONDITION_WORDS.get(code);
      if (words != null) {
        assertThat(words)
            .as("%s is tagged %s, a code for a condition its source never names", id, code)
            .anyMatch(source::contains);
      }
    }
  }

  @Test
  void theGoAskAliceAnswerAboutMasturbationGetsNoLaborOrLactationDisorderCode() {
    // The source's own category line and question (read by hand): the answer is about masturbation.
    assertThat(PackFixtures.source("oxytocin-goaskalice"))
        .contains("does your body produce it during masturbation?", "[Masturbation](#)");
    assertThat(codes(PackFixtures.library("oxytocin-goaskalice")))
        .isNotEmpty()
        .doesNotContain("O61.0", "O62.2", "O92.79", "O80");
    assertThat(codes(PackFixtures.documentReference("oxytocin-goaskalice")))
        .isNotEmpty()
        .doesNotContain("O61.0", "O62.2", "O92.79", "O80");
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void everyContextHasARelevanceAndAOneLineReasonChosenByAnEditor(String id) throws IOException {
    ImportSettings settings = settings(id);
    assertThat(settings.contexts()).isNotEmpty();
    for (ContextTag tag : settings.contexts()) {
      assertThat(tag.reason())
          .as("%s %s", id, tag.context().key())
          .isNotBlank()
          .doesNotContain("\n");
    }
  }

  /**
   * Go Ask Alice (a question about masturbation) has no primary context among ours: it touches
   * labor and lactation only in passing. Read off the sources by hand.
   */
  private static final Map<String, Map<String, String>> RELEVANCE =
      Map.of(
          "oxytocin-healthwise", Map.of("lactation", "primary", "labor-delivery", "secondary"),
          "oxytocin-goaskalice", Map.of("lactation", "secondary", "labor-delivery", "secondary"),
          "oxytocin-perexp",
              Map.of(
                  "emotional-health", "primary",
                  "lactation", "secondary",
                  "labor-delivery", "secondary"),
          "oxytocin-noigroup", Map.of("pain-management", "primary"),
          "oxytocin-loveandlife",
              Map.of("emotional-health", "primary", "relationships", "primary"));

  @ParameterizedTest
  @FieldSource("IDS")
  void everyCodeCarriesItsContextsRelevanceAndReasonInFhir(String id) throws IOException {
    Map<String, String> expected = RELEVANCE.get(id);
    ImportSettings settings = settings(id);
    assertThat(settings.contexts())
        .extracting(t -> t.context().key() + "=" + t.relevance().code())
        .containsExactlyInAnyOrderElementsOf(
            expected.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    Library library = PackFixtures.library(id);
    DocumentReference document = PackFixtures.documentReference(id);
    assertThat(library.getUseContext()).isNotEmpty();
    assertThat(document.getContext().getEvent()).hasSameSizeAs(library.getUseContext());
    for (ContextTag tag : settings.contexts()) {
      for (var code : tag.codes()) {
        UsageContext useContext =
            library.getUseContext().stream()
                .filter(u -> hasCode(u.getValueCodeableConcept(), code.code()))
                .findFirst()
                .orElseThrow();
        CodeableConcept event =
            document.getContext().getEvent().stream()
                .filter(e -> hasCode(e, code.code()))
                .findFirst()
                .orElseThrow();
        for (Element carrier : List.of(useContext, event)) {
          Extension relevance = carrier.getExtensionByUrl(PackTerminology.EXT_CONTEXT_RELEVANCE);
          assertThat(relevance).as("%s %s", id, code.code()).isNotNull();
          assertThat(relevance.getExtensionByUrl("relevance").getValue().primitiveValue())
              .isEqualTo(expected.get(tag.context().key()));
          assertThat(relevance.getExtensionByUrl("reason").getValue().primitiveValue())
              .isEqualTo(tag.reason());
        }
      }
    }
  }

  @Test
  void aCodeOfAnotherContextOrAMissingRelevanceIsRefusedWithAClearMessage(@TempDir Path temp)
      throws IOException {
    Path file = temp.resolve(ImportSettings.FILE_NAME);
    String base = "id=x-page\ncontexts=lactation\nsource=source.txt\n";
    Files.writeString(
        file,
        base + "context.lactation.relevance=primary\ncontext.lactation.codes=icd-10-cm:O61.0\n");
    assertThatRefused(file, "Context lactation: unknown code 'icd-10-cm:O61.0'", "icd-10-cm:Z39.1");
    Files.writeString(file, base + "context.lactation.codes=snomed:413712001\n");
    assertThatRefused(file, "Context lactation needs context.lactation.relevance");
    Files.writeString(
        file,
        base + "context.lactation.relevance=main\ncontext.lactation.codes=snomed:413712001\n");
    assertThatRefused(file, "Unknown relevance 'main'; use primary or secondary");
    Files.writeString(
        file,
        base
            + "context.lactation.relevance=primary\ncontext.lactation.codes=snomed:413712001\n"
            + "context.pain-management.relevance=primary\n");
    assertThatRefused(file, "context.pain-management.relevance does not belong to a context");
  }

  private static void assertThatRefused(Path file, String... messageParts) {
    try {
      ImportSettings.load(file);
      throw new AssertionError("accepted " + file);
    } catch (IllegalArgumentException refused) {
      assertThat(refused.getMessage()).contains(messageParts);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ImportSettings settings(String id) throws IOException {
    return ImportSettings.load(PackFixtures.PACK.resolve(id).resolve(ImportSettings.FILE_NAME));
  }

  private static boolean hasCode(CodeableConcept concept, String code) {
    return concept.getCoding().stream().anyMatch(c -> code.equals(c.getCode()));
  }

  private static List<String> codes(Library library) {
    return library.getUseContext().stream()
        .flatMap(u -> u.getValueCodeableConcept().getCoding().stream())
        .map(Coding::getCode)
        .toList();
  }

  private static List<String> codes(DocumentReference document) {
    return document.getContext().getEvent().stream()
        .flatMap(e -> e.getCoding().stream())
        .map(Coding::getCode)
        .toList();
  }
}
