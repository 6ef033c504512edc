package org.patientedu.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.security.SmartCaller;

/**
 * Who did it, for HAPI's BALP events: the SMART client of the request's token. Backend services act
 * with no user, so the client is also the user agent.
 */
final class AuditContext implements IBalpAuditContextServices {

  @Override
  public Reference getAgentClientWho(RequestDetails request) {
    return AuditEvents.client(SmartCaller.current());
  }

  @Override
  public Reference getAgentUserWho(RequestDetails request) {
    return AuditEvents.client(SmartCaller.current());
  }
}
