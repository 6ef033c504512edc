package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.CreditField;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;

class GoAskAliceLayoutTest {

  private static final String ID = "oxytocin-goaskalice";
  private static final String SOURCE_URL =
      "https://goaskalice.columbia.edu/answered-questions/oxytocin";
  private final ParsedPage page = PackFixtures.parse(ID);

  @Test
  void readsPublishedAndLastReviewedDatesAndSourceUrl() {
    Credits credits = page.credits();
    assertThat(page.title()).isEqualTo("Oxytocin");
    assertThat(credits.published()).isEqualTo(new SourceDate(2011, 2, 11));
    assertThat(credits.lastReviewed()).isEqualTo(new SourceDate(2015, 2, 13));
    assertThat(credits.lastReviewedLabel()).isEqualTo("Last reviewed on");
    assertThat(credits.reviewers()).isEmpty();
    assertThat(credits.sourceUrl()).isEqualTo(SOURCE_URL);
    assertThat(credits.authors()).extracting(Person::name).containsExactly("Alice!");
    assertThat(credits.publisher()).isEqualTo("Go Ask Alice!");
    assertThat(credits.copyright()).isNull();
    assertThat(page.report().missing()).contains(CreditField.REVIEWERS, CreditField.COPYRIGHT);
  }

  @Test
  void libraryIsADraftReviewedByThePublisherOnly() {
    Library library = PackFixtures.library(ID);
    assertThat(library.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(library.getDateElement().getValueAsString()).isEqualTo("2011-02-11");
    assertThat(library.hasApprovalDate()).isFalse();
    assertThat(library.getLastReviewDateElement().getValueAsString()).isEqualTo("2015-02-13");
    assertThat(library.hasEffectivePeriod()).isFalse();
    assertThat(library.getReviewer()).isEmpty();
    assertThat(library.hasCopyright()).isFalse();
    assertThat(library.getRelatedArtifact())
        .filteredOn(a -> a.getType() == RelatedArtifact.RelatedArtifactType.DOCUMENTATION)
        .extracting(RelatedArtifact::getUrl)
        .containsExactly(SOURCE_URL);
    assertThat(library.getAuthor()).extracting(ContactDetail::getName).containsExactly("Alice!");
    assertThat(library.getText().getDivAsString()).contains("no medical reviewer is named");
  }

  @Test
  void documentReferenceHasLastReviewDateButNoReviewer() {
    DocumentReference doc = PackFixtures.documentReference(ID);
    assertThat(doc.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
    assertThat(
            doc.getExtensionByUrl(PackTerminology.EXT_LAST_REVIEW_DATE).getValue().primitiveValue())
        .isEqualTo("2015-02-13");
    assertThat(doc.getExtensionsByUrl(PackTerminology.EXT_REVIEWER)).isEmpty();
    assertThat(doc.getContentFirstRep().getAttachment().getCreationElement().getValueAsString())
        .isEqualTo("2011-02-11");
  }

  @Test
  void chromeIsRemoved() {
    SeedAssertions.chromeGone(
        ID,
        page,
        "Category:",
        "Sexual & Reproductive Health",
        "Related questions",
        "How do I learn to love?",
        "Pumping breast milk",
        "Footer menu",
        "Contact Alice!",
        "Syndication",
        "not an emergency or instant response service",
        "Emergency page",
        "goaskalice.columbia.edu/category",
        "^[1]",
        "(#)");
    assertThat(page.article())
        .noneMatch(b -> b.plainText().equals("Links") || b.plainText().equals("Alice!"));
  }

  @Test
  void everyArticleSentenceIsKept() {
    SeedAssertions.everySentenceKept(
        ID, PackFixtures.sentences(PackFixtures.source(ID), "Dear Alice,", "Alice!"));
    // the paragraph the text export broke across a blank line is whole again
    assertThat(PackFixtures.collapse(PackFixtures.textRendition(ID)))
        .contains(
            "it is likely that they fluctuate "
                + "during different social encounters and experiences without you even knowing it.");
  }
}
