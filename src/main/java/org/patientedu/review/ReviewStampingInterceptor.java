package org.patientedu.review;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Clock;
import java.time.LocalDate;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.patientedu.fhirserver.WriteInterceptor;

/**
 * On every store of a Library or DocumentReference, whoever writes it (the pack loader, an editor's
 * PUT, a lifecycle operation): stamp the review state, and hold the CRMI status rules (an active
 * item never goes back to draft; a retired one is never reactivated).
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
  public void beforeCreate(IBaseResource resource) {
    stampIfContent(resource);
  }

  @Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
  public void beforeUpdate(IBaseResource previous, IBaseResource updated) {
    if (previous instanceof Library before && updated instanceof Library after) {
      holdStatusRules(before.getStatus(), after.getStatus(), after.getIdElement().getIdPart());
    }
    stampIfContent(updated);
  }

  private void stampIfContent(IBaseResource resource) {
    if (resource instanceof Library || resource instanceof DocumentReference) {
      stamper.stamp((DomainResource) resource, LocalDate.now(clock));
    }
  }

  static void holdStatusRules(PublicationStatus before, PublicationStatus after, String id) {
    if (before == PublicationStatus.ACTIVE && after == PublicationStatus.DRAFT) {
      throw new UnprocessableEntityException(
          "Library/"
              + id
              + " is active and cannot go back to draft"
              + " (CRMI status rules); publish a new version instead.");
    }
    if (before == PublicationStatus.RETIRED && after != PublicationStatus.RETIRED) {
      throw new UnprocessableEntityException(
          "Library/"
              + id
              + " is retired and is never reactivated"
              + " (CRMI status rules); publish a new version instead.");
    }
  }
}
