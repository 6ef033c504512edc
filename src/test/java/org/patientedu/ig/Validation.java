package org.patientedu.ig;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.patientedu.contentpack.PackTerminology;

/**
 * Test helpers: which profile a pack resource must meet, and the errors of a result as readable
 * lines.
 */
final class Validation {

  private Validation() {}

  /**
   * Library, DocumentReference and Procedure against our profiles, whatever they claim; anything
   * else against the base.
   */
  static String profileFor(IBaseResource resource) {
    return switch (resource.fhirType()) {
      case "Library" -> PackTerminology.PROFILE_LIBRARY;
      case "DocumentReference" ->
          resource.getMeta().getProfile().stream()
                  .anyMatch(p -> PackTerminology.PROFILE_EDUCATION_GIVEN.equals(p.getValue()))
              ? PackTerminology.PROFILE_EDUCATION_GIVEN
              : PackTerminology.PROFILE_DOCUMENT_REFERENCE;
      case "Procedure" -> PackTerminology.PROFILE_EDUCATION_GIVEN_PROCEDURE;
      default -> null;
    };
  }

  static ValidationOptions options(IBaseResource resource) {
    ValidationOptions options = new ValidationOptions();
    String profile = profileFor(resource);
    return profile == null ? options : options.addProfile(profile);
  }

  static List<String> errors(ValidationResult result) {
    return result.getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }

  static List<String> all(ValidationResult result) {
    return result.getMessages().stream()
        .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
        .toList();
  }
}
