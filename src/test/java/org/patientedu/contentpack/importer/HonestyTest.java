package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
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
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Text;

/**
 * Nothing in the built resources may claim more than the source says: every name, date, notice and
 * quotation must be traceable to the page text, and drafts carry no review metadata at all.
 */
class HonestyTest {

  static final List<String> IDS = PackFixtures.IDS;

  @ParameterizedTest
  @FieldSource("IDS")
  void everyNameInTheResourcesIsInTheSource(String id) {
    String source = Text.normalize(PackFixtures.source(id));
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

  @ParameterizedTest
  @FieldSource("IDS")
  void everyDateInTheResourcesIsWrittenInTheSource(String id) {
    String source = PackFixtures.source(id);
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
    for (BaseDateTimeType date : dates) {
      if (date.hasValue()) {
        assertThat(writtenInSource(source, date.getValueAsString().substring(0, 10)))
            .as("%s: date %s must be written in the source", id, date.getValueAsString())
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void quotedTextIsFromTheSource(String id) {
    String source = Text.normalize(PackFixtures.source(id));
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

  @ParameterizedTest
  @FieldSource("IDS")
  void attachmentsHaveNoInventedCreationDate(String id) {
    ParsedPage page = PackFixtures.parse(id);
    for (Attachment attachment : PackFixtures.library(id).getContent()) {
      assertThat(attachment.hasCreation()).isEqualTo(page.credits().latestDate() != null);
    }
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
