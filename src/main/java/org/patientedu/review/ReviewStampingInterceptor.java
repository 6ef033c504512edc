package org.patientedu.review;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.time.Clock;
import java.time.LocalDate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Library;
import org.patientedu.fhirserver.WriteInterceptor;

/**
 * On every store of a Library or DocumentReference, whoever writes it and however (the pack loader,
 * an editor's PUT or PATCH, a transaction, a conditional update, a lifecycle operation): hold the
 * lifecycle rules ({@link LifecycleRules}), then stamp the review state.
 */
@Interceptor
class ReviewStampingInterceptor implements WriteInterceptor {

  private final ReviewStamper stamper;
  private final Clock clock;

  ReviewStampingInterceptor(ReviewStamper stamper, Clock clock) {
    this.stamper = stamper;
    this.clock = clock;
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
  public void beforeCreate(IBaseResource resource, RequestDetails request) {
    LifecycleRules.check(null, resource, request);
    stampIfContent(resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void beforeUpdate(IBaseResource previous, IBaseResource updated, RequestDetails request) {
    LifecycleRules.check(previous, updated, request);
    stampIfContent(updated);
  }

  private void stampIfContent(IBaseResource resource) {
    if (resource instanceof Library || resource instanceof DocumentReference) {
      stamper.stamp((DomainResource) resource, LocalDate.now(clock));
    }
  }
}
