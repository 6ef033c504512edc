package org.patientedu.review;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Period;
import org.patientedu.contentpack.fhir.CreditElements;
import org.patientedu.contentpack.fhir.PageExtensions;

/**
 * Writes the policy's verdict into a Library or DocumentReference: the review-status extension, and
 * on an active Library the due date as {@code effectivePeriod.end}, plus an honest narrative.
 */
public final class ReviewStamper {

  private final ReviewPolicy policy;

  public ReviewStamper(ReviewPolicy policy) {
    this.policy = policy;
  }

  /** Stamps the resource in place and returns the verdict; other resource types are left alone. */
  public ReviewAssessment stamp(DomainResource resource, LocalDate today) {
    ReviewAssessment assessment = assess(policy, resource, today);
    PageExtensions.setReviewStatus(resource, assessment.status().code());
    if (resource instanceof Library library) {
      stampLibrary(library, assessment);
    }
    resource.setText(ReviewNarrative.of(resource, assessment));
    return assessment;
  }

  /** The verdict the resource carries now, if it was stamped. */
  public static ReviewStatus storedStatus(DomainResource resource) {
    String code = PageExtensions.reviewStatus(resource);
    return code == null ? null : ReviewStatus.fromCode(code).orElse(null);
  }

  public static LocalDate lastReviewDate(DomainResource resource) {
    return toLocalDate(CreditElements.lastReviewDate(resource));
  }

  /** The policy's verdict on what a Library or DocumentReference states about its review. */
  static ReviewAssessment assess(ReviewPolicy policy, DomainResource resource, LocalDate today) {
    return policy.assess(lastReviewDate(resource), clinicianNamed(resource), today);
  }

  /** Whether the resource names at least one clinician as its medical reviewer. */
  static boolean clinicianNamed(DomainResource resource) {
    if (resource instanceof Library library) {
      return !CreditElements.reviewers(library).isEmpty();
    }
    if (resource instanceof DocumentReference document) {
      return !CreditElements.reviewers(document).isEmpty();
    }
    return false;
  }

  /**
   * The period of use: an active page is in use until its next review is due; a draft is not in
   * use, so it has no period; a retired page keeps the end $retire gave it.
   */
  private static void stampLibrary(Library library, ReviewAssessment assessment) {
    if (library.getStatus() == PublicationStatus.RETIRED) {
      return;
    }
    if (library.getStatus() != PublicationStatus.ACTIVE) {
      library.setEffectivePeriod(null);
      return;
    }
    if (assessment.dueDate() == null) {
      if (library.hasEffectivePeriod()) {
        library.getEffectivePeriod().setEnd(null);
      }
      return;
    }
    Period period = library.getEffectivePeriod();
    period.setEndElement(new DateTimeType(assessment.dueDate().toString()));
  }

  /** A partial date ("2010-04") counts from its first day. */
  static LocalDate toLocalDate(DateType date) {
    if (date == null || date.getValue() == null) {
      return null;
    }
    return LocalDate.of(
        date.getYear(),
        date.getMonth() + 1,
        date.getPrecision().ordinal() >= 2 ? date.getDay() : 1);
  }
}
