package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.patientedu.contentpack.PackTerminology;

/**
 * Nothing in the built resources may claim more than the source says: every name, date, notice and
 * quotation must be traceable to the page text, and drafts carry no review metadata at all.
 */
class HonestyTest {

  static final List<String> IDS = PackFixtures.IDS;

  @ParameterizedTest
  @FieldSource("IDS")
  void everyNameInTheResourcesIsInTheSource(String id) {
    String source = PackFixtures.collapse(PackFixtures.source(id));
    Library library = PackFixtures.library(id);
    List<String> names = new ArrayList<>();
    library.getAuthor().forEach(a -> names.add(a.getName()));
    library.getReviewer().forEach(r -> names.add(r.getName()));
    PackFixtures.documentReference(id).getAuthor().forEach(a -> names.add(a.getDisplay()));
    names.add(library.getPublisher());
    assertThat(names).isNotEmpty();
    for (String name : names) {
      assertThat(source).as("%s: name '%s' must be in the source", id, name).contains(name);
    }
  }

  /**
   * The dates each page states, read off the sources by hand, in the order {@link #datesOf} lists
   * the elements: Library date, approvalDate, lastReviewDate, effectivePeriod.start,
   * DocumentReference date, then the creation of the Library's two attachments and of the
   * DocumentReference's two. Healthwise: "Current as of: April 13, 2022". Go Ask Alice: published
   * "Feb 11, 2011", "Last reviewed on" "Feb 13, 2015". PerExp: "(2023, September 7)" in its APA
   * line. NOI Group: "23 Jul 2014" in its byline. Love and Life states no date of its own (April
   * 2010 is the adapted newsletter's), so nothing is dated.
   */
  private static final Map<String, List<String>> STATED_DATES =
      Map.of(
          "oxytocin-healthwise",
          List.of(
              "2022-04-13",
              "2022-04-13",
              "2022-04-13",
              "2022-04-13",
              "2022-04-13T00:00:00Z",
              "2022-04-13",
              "2022-04-13",
              "2022-04-13",
              "2022-04-13"),
          "oxytocin-goaskalice",
          List.of(
              "2015-02-13",
              "2011-02-11",
              "2015-02-13",
              "2015-02-13",
              "2015-02-13T00:00:00Z",
              "2011-02-11",
              "2011-02-11",
              "2011-02-11",
              "2011-02-11"),
          "oxytocin-perexp",
          Arrays.asList(
              "2023-09-07",
              null,
              null,
              "2023-09-07",
              "2023-09-07T00:00:00Z",
              "2023-09-07",
              "2023-09-07",
              "2023-09-07",
              "2023-09-07"),
          "oxytocin-noigroup",
          Arrays.asList(
              "2014-07-23",
              null,
              null,
              "2014-07-23",
              "2014-07-23T00:00:00Z",
              "2014-07-23",
              "2014-07-23",
              "2014-07-23",
              "2014-07-23"),
          "oxytocin-loveandlife",
          Arrays.asList(null, null, null, null, null, null, null, null, null));

  @ParameterizedTest
  @FieldSource("IDS")
  void everyDateIsTheOneTheSourceStates(String id) {
    List<BaseDateTimeType> dates = datesOf(id);
    assertThat(dates).hasSize(9);
    assertThat(dates.stream().map(BaseDateTimeType::getValueAsString).toList())
        .isEqualTo(STATED_DATES.get(id));
    String source = PackFixtures.source(id);
    for (BaseDateTimeType date : dates.stream().filter(BaseDateTimeType::hasValue).toList()) {
      assertThat(writtenInSource(source, date.getValueAsString().substring(0, 10)))
          .as("%s: date %s must be written in the source", id, date.getValueAsString())
          .isTrue();
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void aDateTheSourceDoesNotStateIsMarkedUnknownNotInvented(String id) {
    Library library = PackFixtures.library(id);
    boolean dated = STATED_DATES.get(id).get(0) != null;
    assertThat(library.getDateElement().hasValue()).isEqualTo(dated);
    assertThat(library.getDateElement().hasExtension(PackTerminology.EXT_DATA_ABSENT_REASON))
        .isEqualTo(!dated);
  }

  private static List<BaseDateTimeType> datesOf(String id) {
    Library library = PackFixtures.library(id);
    DocumentReference doc = PackFixtures.documentReference(id);
    List<BaseDateTimeType> dates =
        new ArrayList<>(
            List.of(
                library.getDateElement(),
                library.getApprovalDateElement(),
                library.getLastReviewDateElement(),
                library.getEffectivePeriod().getStartElement(),
                doc.getDateElement()));
    library.getContent().forEach(a -> dates.add(a.getCreationElement()));
    doc.getContent().forEach(c -> dates.add(c.getAttachment().getCreationElement()));
    return dates;
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void quotedTextIsFromTheSource(String id) {
    String source = PackFixtures.collapse(PackFixtures.source(id));
    Library library = PackFixtures.library(id);
    assertThat(library.getDescription()).isNotBlank();
    assertThat(source).as("%s: description is a quotation", id).contains(library.getDescription());
    if (library.hasCopyright()) {
      assertThat(source).contains(library.getCopyright());
    }
    for (RelatedArtifact artifact : library.getRelatedArtifact()) {
      if (artifact.hasCitation()) {
        assertThat(source).as("%s: citation", id).contains(artifact.getCitation());
      }
      if (artifact.hasUrl()) {
        assertThat(source).as("%s: source URL", id).contains(artifact.getUrl());
      }
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void draftsCarryNoReviewMetadata(String id) {
    Library library = PackFixtures.library(id);
    DocumentReference doc = PackFixtures.documentReference(id);
    boolean draft = PackFixtures.DRAFTS.contains(id);
    assertThat(library.getStatus())
        .isEqualTo(draft ? PublicationStatus.DRAFT : PublicationStatus.ACTIVE);
    assertThat(doc.getDocStatus())
        .isEqualTo(
            draft
                ? DocumentReference.ReferredDocumentStatus.PRELIMINARY
                : DocumentReference.ReferredDocumentStatus.FINAL);
    if (draft) {
      assertThat(library.hasApprovalDate()).isFalse();
      assertThat(library.hasLastReviewDate()).isFalse();
      assertThat(library.getReviewer()).isEmpty();
      assertThat(doc.getExtension())
          .extracting(e -> e.getUrl())
          .doesNotContain(
              PackTerminology.EXT_ARTIFACT_LAST_REVIEW_DATE, PackTerminology.EXT_ARTIFACT_REVIEWER);
      assertThat(library.getText().getDivAsString()).containsIgnoringCase("not medically reviewed");
      assertThat(doc.getText().getDivAsString()).containsIgnoringCase("not medically reviewed");
      assertThat(PackFixtures.textRendition(id)).containsIgnoringCase("not medically reviewed.");
      assertThat(PackFixtures.htmlRendition(id)).containsIgnoringCase("not medically reviewed.");
    } else {
      assertThat(library.hasLastReviewDate()).isTrue();
      assertThat(PackFixtures.textRendition(id)).doesNotContain("Not medically reviewed");
    }
  }

  /** Read off the seed pages by hand: only PerExp credits an AI tool (ChatGPT) as its author. */
  private static final Map<String, List<String>> AI_AUTHORS =
      Map.of(
          "oxytocin-perexp", List.of("ChatGPT"),
          "oxytocin-healthwise", List.of(),
          "oxytocin-goaskalice", List.of(),
          "oxytocin-noigroup", List.of(),
          "oxytocin-loveandlife", List.of());

  @ParameterizedTest
  @FieldSource("IDS")
  void aiAuthorsAreFlaggedEverywhere(String id) {
    Library library = PackFixtures.library(id);
    assertThat(library.getAuthor()).isNotEmpty();
    assertThat(
            library.getAuthor().stream()
                .filter(a -> a.hasExtension(PackTerminology.EXT_AI_GENERATED))
                .map(ContactDetail::getName))
        .containsExactlyElementsOf(AI_AUTHORS.get(id));
    DocumentReference doc = PackFixtures.documentReference(id);
    assertThat(doc.getAuthor()).isNotEmpty();
    assertThat(
            doc.getAuthor().stream()
                .filter(a -> a.hasExtension(PackTerminology.EXT_AI_GENERATED))
                .map(Reference::getDisplay))
        .containsExactlyElementsOf(AI_AUTHORS.get(id));
  }

  /** The source has a line with that year, that month (name or abbreviation) and that day. */
  private static boolean writtenInSource(String source, String isoDate) {
    int year = Integer.parseInt(isoDate.substring(0, 4));
    Month month = Month.of(Integer.parseInt(isoDate.substring(5, 7)));
    int day = Integer.parseInt(isoDate.substring(8, 10));
    String monthName = month.getDisplayName(TextStyle.FULL, Locale.US);
    String monthShort = month.getDisplayName(TextStyle.SHORT, Locale.US);
    for (String line : source.split("\n")) {
      if (line.contains(String.valueOf(year))
          && (line.contains(monthName) || line.contains(monthShort))
          && line.matches("(?s).*\\b" + day + "\\b.*")) {
        return true;
      }
    }
    return false;
  }
}
