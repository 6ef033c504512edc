package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.page.Credits;
import org.patientedu.contentpack.page.ImportReport;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.page.Person;
import org.patientedu.contentpack.page.SourceDate;

class NoigroupLayoutTest {

  private static final String ID = "oxytocin-noigroup";
  private final ParsedPage page = PackFixtures.parse(ID);

  @Test
  void readsTheBylineAndAuthorYearReferences() {
    Credits credits = page.credits();
    assertThat(page.title())
        .isEqualTo("Every hormone has a story – Oxytocin – Neuroscience Nugget No. 8");
    assertThat(credits.authors()).containsExactly(new Person("David Butler", null, null, false));
    assertThat(credits.published()).isEqualTo(new SourceDate(2014, 7, 23));
    assertThat(credits.lastReviewed()).isNull();
    assertThat(credits.reviewers()).isEmpty();
    assertThat(credits.citations())
        .containsExactly(
            "Guzman YF et al 2013 Nature Neuroscience 16: 1185",
            "Rash JA et al 2014 Clin J Pain 30: 453",
            "Nagasawa M et al 2009 Hormones and Behavior 55: 434-441",
            "Paul Zaks (2012) “Moral Molecule”");
    assertThat(page.report().notes())
        .anyMatch(n -> n.contains("Education for all, Neuroscience Nuggets"));
  }

  @Test
  void libraryIsADraft() {
    Library library = PackFixtures.library(ID);
    assertThat(library.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(library.getDateElement().getValueAsString()).isEqualTo("2014-07-23");
    assertThat(library.hasApprovalDate()).isFalse();
    assertThat(library.hasLastReviewDate()).isFalse();
    assertThat(library.getReviewer()).isEmpty();
    assertThat(library.getAuthorFirstRep().getName()).isEqualTo("David Butler");
    assertThat(library.getRelatedArtifact())
        .filteredOn(a -> a.getType() == RelatedArtifact.RelatedArtifactType.CITATION)
        .extracting(RelatedArtifact::getCitation)
        .hasSize(4);
    assertThat(library.getText().getDivAsString()).contains("Not medically reviewed");
    assertThat(PackFixtures.documentReference(ID).getDocStatus())
        .isEqualTo(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
  }

  @Test
  void chromeIsRemoved() {
    SeedAssertions.chromeGone(
        ID,
        page,
        "noigroup logo",
        "Being outside of my own",
        "Baci Baci a tuti",
        "On location",
        "Your email address will not be published",
        "Product was added to cart",
        "Education for all",
        "By David Butler",
        // site promotion and the series blurb (issue 9, item 6)
        "“Neuroscience nuggets”",
        "We have collected over 100 of these for a book",
        "click on the links to get your hands on a copy");
  }

  @Test
  void everyArticleSentenceIsKept() {
    String source = PackFixtures.source(ID);
    SeedAssertions.everySentenceKept(
        ID,
        PackFixtures.sentences(
            source, "Every hormone has a story", "Guzman YF", "By David Butler"));
    // the series box and the promotion after the references are the site's, not the article's
    assertThat(page.report().dropped())
        .extracting(ImportReport.Line::why)
        .contains("series heading", "series blurb", "site promotion");
  }
}
