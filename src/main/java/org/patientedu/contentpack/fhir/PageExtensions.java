package org.patientedu.contentpack.fhir;

import java.math.BigDecimal;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.readability.Readability;

/**
 * The extensions a page's Library and DocumentReference carry about the whole page: readability
 * (computed at import) and the review status (stamped by the server on every store).
 */
public final class PageExtensions {

  private PageExtensions() {}

  public static void addReadability(DomainResource resource, Readability readability) {
    resource.addExtension(
        PackTerminology.EXT_READING_GRADE_LEVEL, new DecimalType(readability.gradeLevel()));
    resource.addExtension(PackTerminology.EXT_WORD_COUNT, new IntegerType(readability.words()));
    resource.addExtension(
        PackTerminology.EXT_READING_TIME_MINUTES,
        new IntegerType(readability.readingTimeMinutes()));
  }

  public static BigDecimal readingGrade(DomainResource resource) {
    Extension extension = resource.getExtensionByUrl(PackTerminology.EXT_READING_GRADE_LEVEL);
    return extension != null && extension.getValue() instanceof DecimalType value
        ? value.getValue()
        : null;
  }

  public static Integer wordCount(DomainResource resource) {
    return integer(resource, PackTerminology.EXT_WORD_COUNT);
  }

  public static Integer readingMinutes(DomainResource resource) {
    return integer(resource, PackTerminology.EXT_READING_TIME_MINUTES);
  }

  /** Replaces the stamped review status with this code of the review-status code system. */
  public static void setReviewStatus(DomainResource resource, String code) {
    resource.getExtension().removeIf(e -> PackTerminology.EXT_REVIEW_STATUS.equals(e.getUrl()));
    resource.addExtension(PackTerminology.EXT_REVIEW_STATUS, new CodeType(code));
  }

  /** The stamped review status code, or null when the resource was never stamped. */
  public static String reviewStatus(DomainResource resource) {
    Extension extension = resource.getExtensionByUrl(PackTerminology.EXT_REVIEW_STATUS);
    return extension == null || !extension.hasValue()
        ? null
        : extension.getValue().primitiveValue();
  }

  private static Integer integer(DomainResource resource, String url) {
    Extension extension = resource.getExtensionByUrl(url);
    return extension != null && extension.getValue() instanceof IntegerType value
        ? value.getValue()
        : null;
  }
}
