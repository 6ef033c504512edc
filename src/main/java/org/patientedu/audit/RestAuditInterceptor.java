package org.patientedu.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.patientedu.security.Grant;
import org.patientedu.security.SmartCaller;

/**
 * What HAPI's BALP interceptor leaves out: extended operations ({@code $approve} and the like,
 * whose own writes the server makes internally) and history reads. An operation that changes data
 * ({@code POST}) is recorded once it has succeeded; a {@code GET} operation only reads the catalog
 * and is counted. A history read is recorded like a search (the patient as entity), unless it
 * showed only catalog material to a caller who could see nothing else.
 */
@Interceptor
final class RestAuditInterceptor {

  private static final Set<RestOperationTypeEnum> OPERATIONS =
      EnumSet.of(
          RestOperationTypeEnum.EXTENDED_OPERATION_SERVER,
          RestOperationTypeEnum.EXTENDED_OPERATION_TYPE,
          RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE);
  private static final Set<RestOperationTypeEnum> HISTORIES =
      EnumSet.of(
          RestOperationTypeEnum.HISTORY_INSTANCE,
          RestOperationTypeEnum.HISTORY_TYPE,
          RestOperationTypeEnum.HISTORY_SYSTEM);

  private final AuditTrail trail;

  RestAuditInterceptor(AuditTrail trail) {
    this.trail = trail;
  }

  @Hook(Pointcut.SERVER_PROCESSING_COMPLETED_NORMALLY)
  public void recordOperation(ServletRequestDetails request) {
    if (!OPERATIONS.contains(request.getRestOperationType())) {
      return;
    }
    String target =
        request.getId() != null ? request.getId().toUnqualifiedVersionless().getValue() : null;
    if (request.getRequestType() == RequestTypeEnum.GET) {
      trail.countCatalogRead("operation", String.valueOf(request.getResourceName()));
      return;
    }
    AuditEvent event =
        AuditEvents.rest(
            "operation",
            AuditEventAction.E,
            AuditEventOutcome._0,
            request.getFhirServerBase(),
            SmartCaller.current(),
            request.getServletRequest().getRemoteAddr());
    AuditEvents.addRequest(
        event, target != null, request.getOperation() + (target == null ? "" : " on " + target));
    trail.store(event);
  }

  @Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
  public void recordHistory(IPreResourceShowDetails shown, ServletRequestDetails request) {
    if (request == null || !HISTORIES.contains(request.getRestOperationType())) {
      return;
    }
    Grant caller = SmartCaller.current();
    FhirContext fhirContext = request.getFhirContext();
    Set<String> patients = new TreeSet<>();
    boolean catalogOnly = true;
    for (int i = 0; i < shown.size(); i++) {
      IBaseResource resource = shown.getResource(i);
      if (resource == null) {
        continue;
      }
      catalogOnly &= AuditTrail.isCatalogRead(resource.fhirType(), caller);
      if ("Patient".equals(resource.fhirType())) {
        patients.add(resource.getIdElement().toUnqualifiedVersionless().getValue());
      } else if (!fhirContext
          .getResourceDefinition(resource)
          .getSearchParamsForCompartmentName("Patient")
          .isEmpty()) {
        for (IIdType owner :
            fhirContext
                .newTerser()
                .getCompartmentOwnersForResource("Patient", resource, Set.<String>of())) {
          patients.add(owner.toUnqualifiedVersionless().getValue());
        }
      }
    }
    String interaction = request.getRestOperationType().getCode();
    if (catalogOnly && patients.isEmpty()) {
      trail.countCatalogRead(interaction, String.valueOf(request.getResourceName()));
      return;
    }
    AuditEvent event =
        AuditEvents.rest(
            interaction,
            AuditEventAction.R,
            AuditEventOutcome._0,
            request.getFhirServerBase(),
            caller,
            request.getServletRequest().getRemoteAddr());
    AuditEvents.addRequest(
        event,
        request.getId() != null,
        request.getRequestType().name() + " " + request.getCompleteUrl());
    AuditEvents.addPatients(event, patients);
    trail.store(event);
  }
}
