package org.patientedu.review;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * The CRMI-style lifecycle of a page, as FHIR operations on Library (carried to its
 * DocumentReference): {@code $review}, {@code $approve}, {@code $retire}. They change data, so only
 * a SMART token with system/Library.u may call them (the security feature's rules).
 */
@Component
public class LifecycleOperations {

  public static final String REVIEW = "$review";
  public static final String APPROVE = "$approve";
  public static final String RETIRE = "$retire";

  private final LifecycleService lifecycle;

  LifecycleOperations(LifecycleService lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Operation(name = REVIEW, type = Library.class)
  public Library review(
      @IdParam IdType id,
      @OperationParam(name = "reviewerName", min = 1) StringType reviewerName,
      @OperationParam(name = "credentials") StringType credentials,
      @OperationParam(name = "specialty") StringType specialty,
      @OperationParam(name = "date") DateType date,
      @OperationParam(name = "comment") StringType comment) {
    return lifecycle.review(
        id.getIdPart(),
        new LifecycleService.Review(
            text(reviewerName),
            text(credentials),
            text(specialty),
            date == null ? null : ReviewStamper.toLocalDate(date),
            text(comment)));
  }

  @Operation(name = APPROVE, type = Library.class)
  public Library approve(
      @IdParam IdType id,
      @OperationParam(name = "date") DateType date,
      @OperationParam(name = "comment") StringType comment) {
    return lifecycle.approve(
        id.getIdPart(), date == null ? null : ReviewStamper.toLocalDate(date), text(comment));
  }

  @Operation(name = RETIRE, type = Library.class)
  public Library retire(
      @IdParam IdType id,
      @OperationParam(name = "date") DateType date,
      @OperationParam(name = "comment") StringType comment) {
    return lifecycle.retire(
        id.getIdPart(), date == null ? null : ReviewStamper.toLocalDate(date), text(comment));
  }

  private static String text(StringType value) {
    return value == null || value.isEmpty() ? null : value.getValue().strip();
  }
}
