package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.Adaptation;
import org.patientedu.contentpack.page.CreditField;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;

class LoveAndLifeLayoutTest {

  private static final String ID = "oxytocin-loveandlife";
  private static final String TITLE =
      "Release the Flow of Oxytocin for Emotional and Relationship Health";
  private final ParsedPage page = PackFixtures.parse(ID);

  @Test
  void readsTheBioBoxAuthorAndTheAdaptationNote() {
    Credits credits = page.credits();
    assertThat(page.title()).isEqualTo(TITLE);
    assertThat(credits.authors())
        .containsExactly(new Person("Lisa Brookes Kift", "MFT", null, false));
    Adaptation adaptation = credits.adaptation();
    assertThat(adaptation.originalAuthor())
        .isEqualTo(new Person("Linda Graham", "MFT", null, false));
    assertThat(adaptation.originalDate()).isEqualTo(new SourceDate(2010, 4, null));
    assertThat(adaptation.originalDate().toFhirDate()).isEqualTo("2010-04");
    assertThat(adaptation.text())
        .isEqualTo(
            "(This is an adaptation of the April 2010 newsletter by Linda Graham, MFT, with permission.)");
    assertThat(credits.published()).isNull();
    assertThat(credits.lastReviewed()).isNull();
    assertThat(credits.reviewers()).isEmpty();
    assertThat(page.report().missing())
        .contains(CreditField.PUBLISHED, CreditField.LAST_REVIEWED, CreditField.REVIEWERS);
  }

  @Test
  void libraryIsADraftWithAnUnknownDate() {
    Library library = PackFixtures.library(ID);
    assertThat(library.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(library.getDateElement().hasValue()).isFalse();
    assertThat(
            library
                .getDateElement()
                .getExtensionByUrl(PackTerminology.EXT_DATA_ABSENT_REASON)
                .getValue()
                .primitiveValue())
        .isEqualTo("unknown");
    assertThat(library.hasEffectivePeriod()).isFalse();
    assertThat(library.hasApprovalDate()).isFalse();
    assertThat(library.hasLastReviewDate()).isFalse();
    assertThat(library.getAuthorFirstRep().getName()).isEqualTo("Lisa Brookes Kift");
    assertThat(
            ((StringType)
                    library
                        .getAuthorFirstRep()
                        .getExtensionByUrl(PackTerminology.EXT_AUTHOR_CREDENTIALS)
                        .getValue())
                .getValue())
        .isEqualTo("MFT");
    RelatedArtifact derived =
        library.getRelatedArtifact().stream()
            .filter(a -> a.getType() == RelatedArtifact.RelatedArtifactType.DERIVEDFROM)
            .findFirst()
            .orElseThrow();
    assertThat(derived.getDisplay()).isEqualTo("April 2010 newsletter by Linda Graham, MFT");
    assertThat(derived.getCitation())
        .startsWith("(This is an adaptation of the April 2010 newsletter");

    DocumentReference doc = PackFixtures.documentReference(ID);
    assertThat(doc.getDateElement().hasValue()).isFalse();
    assertThat(doc.getDateElement().getExtensionByUrl(PackTerminology.EXT_DATA_ABSENT_REASON))
        .isNotNull();
    assertThat(doc.getContentFirstRep().getAttachment().hasCreation()).isFalse();
    assertThat(doc.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
  }

  @Test
  void chromeIsRemoved() {
    SeedAssertions.chromeGone(ID, page, "is the creator of", "private practice in Marin County");
    SeedAssertions.notInArticle(
        ID, page, "Love And Life Toolbox", "Lisa Brookes Kift", "This is an adaptation");
    String text = PackFixtures.textRendition(ID);
    // the title once (the duplicated title line is gone), the site name only as publisher
    assertThat(text.split(java.util.regex.Pattern.quote(TITLE), -1)).hasSize(2);
    assertThat(PackFixtures.htmlRendition(ID)).contains("<p>Publisher: Love And Life Toolbox</p>");
  }

  @Test
  void everyArticleSentenceIsKept() {
    SeedAssertions.everySentenceKept(
        ID, PackFixtures.sentences(PackFixtures.source(ID), TITLE, "(This is an adaptation"));
  }
}
