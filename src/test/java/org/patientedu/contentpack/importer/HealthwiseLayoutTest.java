package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.CreditField;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;

class HealthwiseLayoutTest {

  private static final String ID = "oxytocin-healthwise";
  private final ParsedPage page = PackFixtures.parse(ID);

  @Test
  void readsTheHealthwiseCreditBlock() {
    Credits credits = page.credits();
    assertThat(page.title()).isEqualTo("Oxytocin");
    assertThat(credits.lastReviewed()).isEqualTo(new SourceDate(2022, 4, 13));
    assertThat(credits.lastReviewedLabel()).isEqualTo("Current as of");
    assertThat(credits.published()).isNull();
    assertThat(credits.authors())
        .containsExactly(new Person("Healthwise Staff", null, null, false));
    assertThat(credits.reviewers())
        .containsExactly(
            new Person("Sarah Marshall", "MD", "Family Medicine", false),
            new Person("Adam Husney", "MD", "Family Medicine", false),
            new Person("Kathleen Romito", "MD", "Family Medicine", false),
            new Person("Kirtly Jones", "MD", "Obstetrics and Gynecology", false));
    assertThat(credits.publisher()).isEqualTo("Healthwise, Incorporated");
    assertThat(credits.copyright())
        .isEqualTo(
            "© 1995- Healthwise, Incorporated. Healthwise, Healthwise for "
                + "every health decision, and the Healthwise logo are trademarks of Healthwise, Incorporated.");
    assertThat(credits.disclaimer())
        .startsWith("This information does not replace the advice of a doctor.")
        .endsWith("to help you make better health decisions.");
    assertThat(credits.citations()).isEmpty();
    assertThat(credits.sourceUrl()).isNull();
    assertThat(credits.adaptation()).isNull();
    assertThat(page.report().missing())
        .containsExactlyInAnyOrder(
            CreditField.PUBLISHED,
            CreditField.ADAPTATION,
            CreditField.CITATIONS,
            CreditField.SOURCE_URL,
            CreditField.CITE_AS);
  }

  @Test
  void libraryIsActiveWithFourNamedReviewers() {
    Library library = PackFixtures.library(ID);
    assertThat(library.getStatus()).isEqualTo(PublicationStatus.ACTIVE);
    assertThat(library.getName()).isEqualTo("OxytocinHealthwise");
    assertThat(library.getUrl())
        .isEqualTo("http://fhir.patientedu.org/Library/oxytocin-healthwise");
    // "Current as of" is a last review, not a publication or an approval
    assertThat(library.getDateElement().getValueAsString()).isNull();
    assertThat(library.getDateElement().hasExtension(PackTerminology.EXT_DATA_ABSENT_REASON))
        .isTrue();
    assertThat(library.hasApprovalDate()).isFalse();
    assertThat(library.getLastReviewDateElement().getValueAsString()).isEqualTo("2022-04-13");
    assertThat(library.hasEffectivePeriod()).isFalse();
    assertThat(library.getAuthor())
        .extracting(ContactDetail::getName)
        .containsExactly("Healthwise Staff");
    assertThat(library.getReviewer())
        .extracting(ContactDetail::getName)
        .containsExactly("Sarah Marshall", "Adam Husney", "Kathleen Romito", "Kirtly Jones");
    for (ContactDetail reviewer : library.getReviewer()) {
      assertThat(
              ((StringType)
                      reviewer
                          .getExtensionByUrl(PackTerminology.EXT_REVIEWER_CREDENTIALS)
                          .getValue())
                  .getValue())
          .isEqualTo("MD");
    }
    assertThat(specialty(library.getReviewer().get(0)).getText()).isEqualTo("Family Medicine");
    assertThat(specialty(library.getReviewer().get(0)).getCodingFirstRep().getCode())
        .isEqualTo("207Q00000X");
    assertThat(specialty(library.getReviewer().get(3)).getText())
        .isEqualTo("Obstetrics and Gynecology");
    assertThat(specialty(library.getReviewer().get(3)).getCodingFirstRep().getCode())
        .isEqualTo("207V00000X");
    assertThat(library.getCopyright()).startsWith("© 1995- Healthwise, Incorporated.");
    assertThat(library.getPublisher()).isEqualTo("Healthwise, Incorporated");
    assertThat(library.getText().getDivAsString())
        .contains("Medically reviewed")
        .contains("Sarah Marshall");
  }

  @Test
  void documentReferenceIsFinalWithReviewExtensions() {
    DocumentReference doc = PackFixtures.documentReference(ID);
    assertThat(doc.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
    assertThat(doc.getDateElement().getValueAsString()).isNull();
    assertThat(
            doc.getExtensionByUrl(PackTerminology.EXT_LAST_REVIEW_DATE).getValue().primitiveValue())
        .isEqualTo("2022-04-13");
    List<Extension> reviewers = doc.getExtensionsByUrl(PackTerminology.EXT_REVIEWER);
    assertThat(reviewers)
        .extracting(e -> ((ContactDetail) e.getValue()).getName())
        .containsExactly("Sarah Marshall", "Adam Husney", "Kathleen Romito", "Kirtly Jones");
  }

  @Test
  void handoutCreditsLookLikeHealthwise() {
    String text = PackFixtures.textRendition(ID);
    assertThat(text)
        .contains(
            "Current as of: April 13, 2022",
            "Author: Healthwise Staff",
            "Medical Review:",
            "Sarah Marshall, MD – Family Medicine",
            "Kirtly Jones, MD – Obstetrics and Gynecology",
            "© 1995- Healthwise, Incorporated.");
    assertThat(text).doesNotContain("Not medically reviewed");
  }

  @Test
  void chromeIsRemoved() {
    SeedAssertions.chromeGone(
        ID,
        page,
        "ATTENTION",
        "988",
        "toggle mobile menu",
        "toggle search menu",
        "Site Navigation",
        "Supplemental",
        "Related Information");
    assertThat(page.article())
        .noneMatch(b -> b.plainText().equals("Menu") || b.plainText().equals("Credits"));
    assertThat(page.article()).noneMatch(b -> b.plainText().contains("Current as of"));
  }

  @Test
  void everyArticleSentenceIsKept() {
    SeedAssertions.everySentenceKept(
        ID, PackFixtures.sentences(PackFixtures.source(ID), "Oxytocin", "Related Information"));
    assertThat(page.article().get(0)).isEqualTo(Block.heading(2, "Overview"));
  }

  private static CodeableConcept specialty(ContactDetail reviewer) {
    return (CodeableConcept)
        reviewer.getExtensionByUrl(PackTerminology.EXT_REVIEWER_SPECIALTY).getValue();
  }
}
