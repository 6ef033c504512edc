package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseOperationOutcome;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.patientedu.fhirserver.WriteInterceptor;
import org.patientedu.validation.AlreadyValidated;

/**
 * Refuses, with 422 and an OperationOutcome, a Library or DocumentReference written (over REST:
 * create, update, or inside a transaction; or by the server itself: lifecycle operations, the daily
 * refresh, the pack load) that claims one of this guide's profiles in {@code meta.profile} and does
 * not meet it.
 *
 * <p>Why only resources that claim a profile: {@code meta.profile} is FHIR's way of saying "hold me
 * to this"; the server also stores Libraries that are not patient-education pages (test fixtures
 * now, logic libraries perhaps later), which our profiles must not reject. The content pack is
 * validated by its loader against the same profiles, with the same validator ({@code
 * profileValidator}): the objects it validated are let through once ({@link AlreadyValidated}), and
 * nothing else is. Hooked on storage rather than on the request, so every resource of a transaction
 * is checked.
 */
@Interceptor
class ProfileWriteValidation implements WriteInterceptor {

  private static final Set<String> TYPES = Set.of("Library", "DocumentReference");

  private final FhirContext fhirContext;
  private final Supplier<FhirValidator> validator;

  ProfileWriteValidation(FhirContext fhirContext, Supplier<FhirValidator> validator) {
    this.fhirContext = fhirContext;
    this.validator = validator;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void created(IBaseResource resource, RequestDetails request) {
    validate(resource, request);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
    validate(resource, request);
  }

  void validate(IBaseResource resource, RequestDetails request) {
    if (!TYPES.contains(fhirContext.getResourceType(resource))
        || !claimsOurProfile(resource)
        || AlreadyValidated.contains(request, resource)) {
      return;
    }
    ValidationResult result = validator.get().validateWithResult(resource);
    boolean failed =
        result.getMessages().stream()
            .anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
    if (failed) {
      IBaseOperationOutcome outcome = result.toOperationOutcome();
      throw new UnprocessableEntityException(fhirContext, outcome);
    }
  }

  private static boolean claimsOurProfile(IBaseResource resource) {
    return resource.getMeta().getProfile().stream()
        .map(IPrimitiveType::getValueAsString)
        .map(ProfileWriteValidation::withoutVersion)
        .anyMatch(ProfileValidation.PROFILES::contains);
  }

  /** {@code url|0.1.0} claims the same profile as {@code url}. */
  private static String withoutVersion(String canonical) {
    int bar = canonical == null ? -1 : canonical.indexOf('|');
    return bar < 0 ? canonical : canonical.substring(0, bar);
  }
}
