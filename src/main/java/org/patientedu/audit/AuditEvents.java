package org.patientedu.audit;

import ca.uhn.fhir.storage.interceptor.balp.BalpConstants;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collection;
import java.util.Date;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.security.Grant;

/**
 * The AuditEvents HAPI's BALP interceptor does not make: operations, history reads, refused
 * requests and token requests. Shaped like BALP's (same codes, the client as requesting agent, the
 * server as the other agent, the patient as entity where there is one) without claiming its
 * profiles. Also who the agents are, for BALP's own events ({@link AuditContext}).
 */
final class AuditEvents {

  /** Identifies SMART clients by their client id. */
  static final String CLIENT_ID_SYSTEM = PackTerminology.CANONICAL_BASE + "/smart-client-id";

  private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";

  private AuditEvents() {}

  /** The client that made a request, as an agent reference. */
  static Reference client(Grant grant) {
    return grant.isAnonymous()
        ? new Reference().setDisplay("anonymous (no credential)")
        : client(grant.clientId());
  }

  static Reference client(String clientId) {
    return new Reference()
        .setIdentifier(new Identifier().setSystem(CLIENT_ID_SYSTEM).setValue(clientId))
        .setDisplay(clientId);
  }

  /** A FHIR interaction done over REST ({@code subtype} a restful-interaction code). */
  static AuditEvent rest(
      String interaction,
      AuditEventAction action,
      AuditEventOutcome outcome,
      String serverBase,
      Grant grant,
      String networkAddress) {
    return rest(interaction, action, outcome, serverBase, client(grant), networkAddress);
  }

  /** A FHIR interaction done for someone who is not a SMART client (a ticket's holder). */
  static AuditEvent rest(
      String interaction,
      AuditEventAction action,
      AuditEventOutcome outcome,
      String serverBase,
      Reference who,
      String networkAddress) {
    AuditEvent event = new AuditEvent();
    event
        .getType()
        .setSystem(BalpConstants.CS_AUDIT_EVENT_TYPE)
        .setCode("rest")
        .setDisplay("Restful Operation");
    if (interaction != null) {
      event.addSubtype(new Coding(BalpConstants.CS_RESTFUL_INTERACTION, interaction, interaction));
    }
    return common(event, action, outcome, serverBase, who, networkAddress);
  }

  /** A resource a request created, changed or read (BALP's domain-resource entity). */
  static void addResource(AuditEvent event, String versionedReference) {
    addEntity(
        event,
        BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT,
        BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE,
        versionedReference);
  }

  /** A token request at the token endpoint (DICOM "User Authentication"). */
  static AuditEvent tokenRequest(
      AuditEventOutcome outcome, String serverBase, Reference client, String networkAddress) {
    AuditEvent event = new AuditEvent();
    event.getType().setSystem(DICOM).setCode("110114").setDisplay("User Authentication");
    event.addSubtype(new Coding(DICOM, "110122", "Login"));
    return common(event, AuditEventAction.E, outcome, serverBase, client, networkAddress);
  }

  static void addPatients(AuditEvent event, Collection<String> patients) {
    for (String patient : patients) {
      addEntity(
          event,
          BalpConstants.CS_AUDIT_ENTITY_TYPE_1_PERSON,
          BalpConstants.CS_OBJECT_ROLE_1_PATIENT,
          patient);
    }
  }

  /** A BALP entity: its type and role codes, and the reference to what it is. */
  private static void addEntity(
      AuditEvent event, String typeCode, String roleCode, String reference) {
    AuditEvent.AuditEventEntityComponent entity = event.addEntity();
    entity.getType().setSystem(BalpConstants.CS_AUDIT_ENTITY_TYPE).setCode(typeCode);
    entity.getRole().setSystem(BalpConstants.CS_OBJECT_ROLE).setCode(roleCode);
    entity.getWhat().setReference(reference);
  }

  /**
   * What was asked: the request line, and whether it was about one resource (named in the line, not
   * as a reference: an unversioned reference would keep that resource from ever being deleted).
   */
  static void addRequest(AuditEvent event, boolean aboutOneResource, String requestLine) {
    AuditEvent.AuditEventEntityComponent entity = event.addEntity();
    entity
        .getType()
        .setSystem(BalpConstants.CS_AUDIT_ENTITY_TYPE)
        .setCode(BalpConstants.CS_AUDIT_ENTITY_TYPE_2_SYSTEM_OBJECT);
    entity
        .getRole()
        .setSystem(BalpConstants.CS_OBJECT_ROLE)
        .setCode(
            aboutOneResource
                ? BalpConstants.CS_OBJECT_ROLE_4_DOMAIN_RESOURCE
                : BalpConstants.CS_OBJECT_ROLE_24_QUERY);
    entity.setDescription(requestLine);
  }

  static String requestLine(HttpServletRequest request) {
    return request.getMethod()
        + " "
        + request.getRequestURI()
        + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
  }

  private static AuditEvent common(
      AuditEvent event,
      AuditEventAction action,
      AuditEventOutcome outcome,
      String serverBase,
      Reference who,
      String networkAddress) {
    event.setAction(action);
    event.setOutcome(outcome);
    event.setRecorded(new Date());
    event.getSource().getObserver().setDisplay(serverBase);
    AuditEventAgentComponent client = event.addAgent();
    client.getType().addCoding(new Coding(DICOM, "110153", "Source Role ID"));
    client.setWho(who);
    client.setRequestor(true);
    client
        .getNetwork()
        .setAddress(networkAddress)
        .setType(BalpConstants.AUDIT_EVENT_AGENT_NETWORK_TYPE_IP_ADDRESS);
    AuditEventAgentComponent server = event.addAgent();
    server.getType().addCoding(new Coding(DICOM, "110152", "Destination Role ID"));
    server.getWho().setDisplay(serverBase);
    server.setRequestor(false);
    return event;
  }
}
