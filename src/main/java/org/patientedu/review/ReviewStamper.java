package org.patientedu.review;

import java.time.LocalDate;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Period;
import org.patientedu.contentpack.PackTerminology;

/**
 * Writes the policy's verdict into a Library or DocumentReference: the review-status extension, and
 * on the Library the due date as {@code effectivePeriod.end}, plus an honest narrative.
 */
public final class ReviewStamper {

  private final ReviewPolicy policy;

  public ReviewStamper(ReviewPolicy policy) {
    this.policy = policy;
  }

  /** Stamps the resource in place and returns the verdict; other resource types are left alone. */
  public ReviewAssessment stamp(DomainResource resource, LocalDate today) {
    ReviewAssessment assessment = policy.assess(lastReviewDate(resource), today);
    resource.getExtension().removeIf(e -> ReviewExtensions.REVIEW_STATUS.equals(e.getUrl()));
    resource.addExtension(ReviewExtensions.REVIEW_STATUS, new CodeType(assessment.status().code()));
    if (resource instanceof Library library) {
      stampLibrary(library, assessment);
    }
    resource.setText(ReviewNarrative.of(resource, assessment));
    return assessment;
  }

  /** The verdict the resource carries now, if it was stamped. */
  public static ReviewStatus storedStatus(DomainResource resource) {
    var extension = resource.getExtensionByUrl(ReviewExtensions.REVIEW_STATUS);
    return extension == null
        ? null
        : ReviewStatus.fromCode(extension.getValue().primitiveValue()).orElse(null);
  }

  public static LocalDate lastReviewDate(DomainResource resource) {
    if (resource instanceof Library library) {
      return library.hasLastReviewDate() ? toLocalDate(library.getLastReviewDateElement()) : null;
    }
    if (resource instanceof DocumentReference document) {
      var extension = document.getExtensionByUrl(PackTerminology.EXT_ARTIFACT_LAST_REVIEW_DATE);
      return extension == null ? null : toLocalDate((DateType) extension.getValue());
    }
    return null;
  }

  private static void stampLibrary(Library library, ReviewAssessment assessment) {
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
