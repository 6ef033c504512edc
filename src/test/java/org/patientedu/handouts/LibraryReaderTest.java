package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.RelatedArtifact.RelatedArtifactType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UsageContext;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.Person;

class LibraryReaderTest {

  @Test
  void readsTheCreditsAsStored() {
    Handout handout = LibraryReader.read(reviewedLibrary());

    assertThat(handout.id()).isEqualTo("test-handout");
    assertThat(handout.title()).isEqualTo("Oxytocin");
    assertThat(handout.language()).isEqualTo("en-US");
    assertThat(handout.lastReviewed()).isEqualTo(StatedDate.of(LocalDate.of(2022, 4, 13)));
    assertThat(handout.lastReviewedLabel()).isEqualTo("Current as of");
    assertThat(handout.currentAsOfStated()).isTrue();
    assertThat(handout.approved()).isNull();
    assertThat(handout.reviewDue()).isEqualTo(StatedDate.of(LocalDate.of(2024, 4, 13)));
    assertThat(handout.reviewers())
        .containsExactly(new Person("Kirtly Jones", "MD", "Obstetrics and Gynecology", false));
    assertThat(handout.reviewers().get(0).nameWithCredentials()).isEqualTo("Kirtly Jones, MD");
    assertThat(handout.authors())
        .containsExactly(new Person("Healthwise Staff", null, null, false));
    assertThat(handout.sourceUrl()).isEqualTo("https://example.org/oxytocin");
    assertThat(handout.references()).containsExactly("Rash JA et al 2014 Clin J Pain 30: 453");
    assertThat(handout.renditions())
        .containsExactly(new Handout.Rendition("en-US", "test-handout-html"));
  }

  @Test
  void takesTheReviewStateAndReadabilityFromTheServersStamp() {
    Library library = reviewedLibrary();
    library.addExtension(PackTerminology.EXT_REVIEW_STATUS, new CodeType("overdue"));
    library.addExtension(PackTerminology.EXT_READING_GRADE_LEVEL, new DecimalType("9.9"));
    library.addExtension(PackTerminology.EXT_WORD_COUNT, new IntegerType(245));
    library.addExtension(PackTerminology.EXT_READING_TIME_MINUTES, new IntegerType(1));

    Handout handout = LibraryReader.read(library);

    assertThat(handout.reviewState()).isEqualTo(ReviewState.OVERDUE);
    assertThat(handout.needsWarning()).isTrue();
    assertThat(handout.readingGrade()).isEqualByComparingTo(new BigDecimal("9.9"));
    assertThat(handout.wordCount()).isEqualTo(245);
    assertThat(handout.readingMinutes()).isEqualTo(1);
  }

  @Test
  void withoutAStampAReviewedPageWaitsForTheServer() {
    assertThat(LibraryReader.read(reviewedLibrary()).reviewState()).isEqualTo(ReviewState.UNKNOWN);
  }

  @Test
  void withoutAStampAPageWithNoReviewWasNeverReviewed() {
    Library library = reviewedLibrary();
    library.setLastReviewDateElement(null);
    assertThat(LibraryReader.read(library).reviewState()).isEqualTo(ReviewState.NEVER_REVIEWED);
  }

  @Test
  void anUnknownStampedCodeIsNotGuessed() {
    Library library = reviewedLibrary();
    library.addExtension(PackTerminology.EXT_REVIEW_STATUS, new CodeType("something-new"));
    assertThat(LibraryReader.read(library).reviewState()).isEqualTo(ReviewState.UNKNOWN);
  }

  @Test
  void recognisesAnAiAuthor() {
    Library library = reviewedLibrary();
    library.getAuthor().clear();
    ContactDetail chatGpt = library.addAuthor().setName("ChatGPT");
    chatGpt.addExtension(PackTerminology.EXT_AI_GENERATED, new BooleanType(true));

    Handout handout = LibraryReader.read(library);

    assertThat(handout.aiGenerated()).isTrue();
    assertThat(handout.aiAuthor()).map(Person::name).contains("ChatGPT");
    assertThat(handout.needsWarning()).isTrue();
  }

  @Test
  void aSourceAddressThatIsNotAWebPageIsNeverALink() {
    for (String hostile :
        new String[] {
          "javascript:alert(1)",
          " JavaScript:alert(1)",
          "data:text/html,x",
          "//evil.example/x",
          "vbscript:x",
          "not a url"
        }) {
      Library library = reviewedLibrary();
      library.getRelatedArtifact().clear();
      library.addRelatedArtifact(
          new RelatedArtifact().setType(RelatedArtifactType.DOCUMENTATION).setUrl(hostile));
      assertThat(LibraryReader.read(library).sourceUrl()).as(hostile).isNull();
    }
  }

  @Test
  void mapsUseContextCodesToClinicalContexts() {
    Handout handout = LibraryReader.read(reviewedLibrary());
    assertThat(handout.contexts())
        .containsExactly(ClinicalContext.LABOR_DELIVERY, ClinicalContext.LACTATION);
    assertThat(handout.inContext(ClinicalContext.PAIN_MANAGEMENT)).isFalse();
  }

  @Test
  void keepsAPartialDateAsPartial() {
    Library library = reviewedLibrary();
    library.setDateElement(new DateTimeType("2010-04"));
    StatedDate published = LibraryReader.read(library).published();
    assertThat(published.precision()).isEqualTo(StatedDate.Precision.MONTH);
    assertThat(published.iso()).isEqualTo("2010-04");
  }

  @Test
  void onlyTheSourcesOwnWordsMakeACurrentAsOfDate() {
    Library goAskAlice = reviewedLibrary();
    goAskAlice.setReviewer(List.of());
    goAskAlice.getLastReviewDateElement().getExtension().clear();
    goAskAlice
        .getLastReviewDateElement()
        .addExtension(PackTerminology.EXT_SOURCE_DATE_LABEL, new StringType("Last reviewed on"));
    assertThat(LibraryReader.read(goAskAlice).currentAsOfStated()).isFalse();
    Library reviewedHere = reviewedLibrary();
    reviewedHere.setLastReviewDateElement(new DateType("2026-11-01"));
    assertThat(LibraryReader.read(reviewedHere).currentAsOfStated()).isFalse();
  }

  @Test
  void thePublicationDateIsLibraryDateAndNothingElse() {
    Library library = reviewedLibrary();
    library.setDateElement(new DateTimeType("2011-02-11"));
    library.setApprovalDateElement(new DateType("2026-11-02"));
    Handout handout = LibraryReader.read(library);
    assertThat(handout.published()).isEqualTo(StatedDate.of(LocalDate.of(2011, 2, 11)));
    assertThat(handout.approved()).isEqualTo(StatedDate.of(LocalDate.of(2026, 11, 2)));
  }

  @Test
  void aDraftIsNeverActive() {
    Library library = reviewedLibrary();
    library.setStatus(PublicationStatus.DRAFT);
    Handout handout = LibraryReader.read(library);
    assertThat(handout.draft()).isTrue();
    assertThat(handout.active()).isFalse();
    assertThat(handout.needsWarning()).isTrue();
  }

  @Test
  void aDateAbsentForAReasonShowsNothing() {
    Library library = reviewedLibrary();
    library.setDateElement(new DateTimeType());
    library
        .getDateElement()
        .addExtension(PackTerminology.EXT_DATA_ABSENT_REASON, new CodeType("unknown"));
    assertThat(LibraryReader.read(library).published()).isNull();
  }

  @Test
  void aMissingDateStaysMissing() {
    Library library = reviewedLibrary();
    library.setDateElement(null);
    assertThat(LibraryReader.read(library).published()).isNull();
  }

  /** A reviewed page as the importer writes one (before the server stamps it). */
  static Library reviewedLibrary() {
    Library library = new Library();
    library.setId("test-handout");
    library.setLanguage("en-US");
    library.setVersion("1.0.0");
    library.setTitle("Oxytocin");
    library.setStatus(PublicationStatus.ACTIVE);
    library.setPublisher("Healthwise, Incorporated");
    library.setDateElement(new DateTimeType());
    library
        .getDateElement()
        .addExtension(PackTerminology.EXT_DATA_ABSENT_REASON, new CodeType("unknown"));
    DateType currentAsOf = new DateType("2022-04-13");
    currentAsOf.addExtension(
        PackTerminology.EXT_SOURCE_DATE_LABEL, new StringType("Current as of"));
    library.setLastReviewDateElement(currentAsOf);
    library.setEffectivePeriod(new Period().setEndElement(new DateTimeType("2024-04-13")));
    library.addAuthor().setName("Healthwise Staff");
    ContactDetail reviewer = library.addReviewer().setName("Kirtly Jones");
    reviewer.addExtension(PackTerminology.EXT_REVIEWER_CREDENTIALS, new StringType("MD"));
    reviewer.addExtension(
        PackTerminology.EXT_REVIEWER_SPECIALTY,
        new CodeableConcept(
                new Coding(
                    PackTerminology.NUCC,
                    PackTerminology.NUCC_OBSTETRICS_GYNECOLOGY,
                    "Obstetrics & Gynecology"))
            .setText("Obstetrics and Gynecology"));
    for (ClinicalContext context :
        new ClinicalContext[] {ClinicalContext.LACTATION, ClinicalContext.LABOR_DELIVERY}) {
      ClinicalContext.Code code = context.codes().get(0);
      library.addUseContext(
          new UsageContext(
              new Coding(
                  PackTerminology.USAGE_CONTEXT_TYPE,
                  PackTerminology.USAGE_CONTEXT_FOCUS,
                  "Clinical Focus"),
              new CodeableConcept(new Coding(code.system(), code.code(), code.display()))));
    }
    library.addRelatedArtifact(
        new RelatedArtifact()
            .setType(RelatedArtifactType.DOCUMENTATION)
            .setUrl("https://example.org/oxytocin"));
    library.addRelatedArtifact(
        new RelatedArtifact()
            .setType(RelatedArtifactType.CITATION)
            .setCitation("Rash JA et al 2014 Clin J Pain 30: 453"));
    library.addContent(
        new Attachment()
            .setContentType("text/plain; charset=utf-8")
            .setUrl("Binary/test-handout-text"));
    library.addContent(
        new Attachment()
            .setContentType("text/html; charset=utf-8")
            .setUrl("Binary/test-handout-html"));
    return library;
  }
}
