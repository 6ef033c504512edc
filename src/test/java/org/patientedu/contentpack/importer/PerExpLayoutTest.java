package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;

class PerExpLayoutTest {

  private static final String ID = "oxytocin-perexp";
  private final ParsedPage page = PackFixtures.parse(ID);

  @Test
  void readsTheApaCitationLine() {
    Credits credits = page.credits();
    assertThat(page.title())
        .isEqualTo("What is oxytocin, what does it do, what are the symptoms of deficiency?");
    assertThat(credits.authors()).containsExactly(new Person("ChatGPT", null, null, true));
    assertThat(credits.hasAiAuthor()).isTrue();
    assertThat(credits.published()).isEqualTo(new SourceDate(2023, 9, 7));
    assertThat(credits.lastReviewed()).isNull();
    assertThat(credits.reviewers()).isEmpty();
    assertThat(credits.publisher()).isEqualTo("PerEXP Teamworks");
    assertThat(credits.citations()).hasSize(2);
    assertThat(credits.citations().get(0)).startsWith("Uvnäs-Moberg, K. (1998).");
    assertThat(credits.citations().get(1))
        .startsWith("Kendrick, K. M. (2000). Oxytocin, motherhood and bonding.");
    assertThat(page.report().notes()).anyMatch(n -> n.contains("Skeletal formula of oxytocin"));
  }

  @Test
  void libraryIsAnAiDraft() {
    Library library = PackFixtures.library(ID);
    assertThat(library.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(library.getDateElement().getValueAsString()).isEqualTo("2023-09-07");
    assertThat(library.hasEffectivePeriod()).isFalse();
    assertThat(library.hasApprovalDate()).isFalse();
    assertThat(library.hasLastReviewDate()).isFalse();
    assertThat(library.getReviewer()).isEmpty();
    ContactDetail author = library.getAuthorFirstRep();
    assertThat(author.getName()).isEqualTo("ChatGPT");
    assertThat(
            ((BooleanType) author.getExtensionByUrl(PackTerminology.EXT_AI_GENERATED).getValue())
                .booleanValue())
        .isTrue();
    assertThat(library.getRelatedArtifact())
        .filteredOn(a -> a.getType() == RelatedArtifact.RelatedArtifactType.CITATION)
        .hasSize(2);
    assertThat(library.getText().getDivAsString())
        .contains("Written by an AI tool (ChatGPT); not medically reviewed");
  }

  @Test
  void documentReferenceIsPreliminaryAndFlagsTheAiAuthor() {
    DocumentReference doc = PackFixtures.documentReference(ID);
    assertThat(doc.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
    assertThat(doc.getAuthorFirstRep().getExtensionByUrl(PackTerminology.EXT_AI_GENERATED))
        .isNotNull();
    assertThat(doc.getText().getDivAsString())
        .contains("Written by an AI tool (ChatGPT); not medically reviewed");
    assertThat(PackFixtures.textRendition(ID))
        .contains("Written by an AI tool (ChatGPT); not medically reviewed.");
  }

  @Test
  void chromeIsRemoved() {
    SeedAssertions.chromeGone(
        ID,
        page,
        "1 comment",
        "Leave a Comment",
        "Related Posts",
        "Skeletal formula of oxytocin",
        "APA 7:",
        "[Article Link]");
  }

  @Test
  void everyArticleSentenceIsKept() {
    String source = PackFixtures.source(ID);
    SeedAssertions.everySentenceKept(
        ID,
        PackFixtures.sentences(
            source,
            "What is oxytocin, what does it do",
            "1. JOURNAL",
            "APA 7:",
            "Skeletal formula of oxytocin"));
  }
}
