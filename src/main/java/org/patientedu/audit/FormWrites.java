package org.patientedu.audit;

import java.util.Collection;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Reference;

/**
 * Writes made by a web page's form rather than over FHIR REST (the handout's "Record as given"),
 * which HAPI's BALP interceptor never sees: each created resource gets the create event a REST
 * create gets (action C, the resource at its version, the patient), with the person the form acted
 * for as the requesting agent. Called inside the write's transaction, the events are stored once it
 * commits, like every write's ({@link AuditTrail}).
 */
public final class FormWrites {

  private final AuditTrail trail;

  FormWrites(AuditTrail trail) {
    this.trail = trail;
  }

  /**
   * @param created the resources created, as versioned references (Type/id/_history/n)
   * @param patients the patients they are about (references, absolute when another server's)
   * @param agent who the form acted for
   * @param serverBase this server's FHIR base, the event's observer
   * @param networkAddress where the form was posted from
   */
  public void created(
      List<String> created,
      Collection<String> patients,
      Reference agent,
      String serverBase,
      String networkAddress) {
    for (String resource : created) {
      AuditEvent event =
          AuditEvents.rest(
              "create",
              AuditEventAction.C,
              AuditEventOutcome._0,
              serverBase,
              agent,
              networkAddress);
      AuditEvents.addResource(event, resource);
      AuditEvents.addPatients(event, patients);
      trail.store(event);
    }
  }
}
