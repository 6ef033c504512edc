package org.patientedu.audit;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.text.ParseException;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.security.Grant;
import org.patientedu.security.SmartCaller;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Records, around the security filter chain (so whichever layer refused), every refused FHIR
 * request (401, 403) and every token request, granted or not. Refusals happen before HAPI knows
 * what the request was, so the event names the request line, not a FHIR interaction.
 */
final class RefusedRequestAudit extends OncePerRequestFilter {

  static final String TOKEN_PATH = "/oauth2/token";

  private final AuditTrail trail;

  RefusedRequestAudit(AuditTrail trail) {
    this.trail = trail;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    int status = response.getStatus();
    String serverBase = ServletUriComponentsBuilder.fromContextPath(request).toUriString();
    if (TOKEN_PATH.equals(request.getServletPath()) && "POST".equals(request.getMethod())) {
      boolean granted = status == HttpServletResponse.SC_OK;
      AuditEvent event =
          AuditEvents.tokenRequest(
              granted ? AuditEventOutcome._0 : AuditEventOutcome._4,
              serverBase,
              client(request, granted),
              request.getRemoteAddr());
      AuditEvents.addRequest(
          event,
          false,
          "POST "
              + TOKEN_PATH
              + " scope="
              + request.getParameter("scope")
              + " -> HTTP "
              + status
              + (status == HttpServletResponse.SC_OK ? " (token issued)" : " (refused)"));
      trail.store(event);
    } else if (status == HttpServletResponse.SC_UNAUTHORIZED
        || status == HttpServletResponse.SC_FORBIDDEN) {
      AuditEvent event =
          AuditEvents.rest(
              null,
              action(request.getMethod()),
              AuditEventOutcome._4,
              serverBase + "/fhir",
              SmartCaller.of(request),
              request.getRemoteAddr());
      event.setOutcomeDesc(
          status == HttpServletResponse.SC_UNAUTHORIZED
              ? "401: no valid credential"
              : "403: the token's scopes do not allow it");
      AuditEvents.addRequest(event, false, AuditEvents.requestLine(request));
      trail.store(event);
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/fhir") || path.equals(TOKEN_PATH));
  }

  /**
   * The client of a token request: its assertion's issuer, verified when a token was granted, only
   * claimed when the request was refused (and named so).
   */
  private static Reference client(HttpServletRequest request, boolean granted) {
    String assertion = request.getParameter("client_assertion");
    if (assertion != null) {
      try {
        String issuer = JWTParser.parse(assertion).getJWTClaimsSet().getIssuer();
        if (issuer != null) {
          return granted
              ? AuditEvents.client(issuer)
              : new Reference().setDisplay("claimed, not authenticated: " + issuer);
        }
      } catch (ParseException notAJwt) {
        // nothing claimed
      }
    }
    return AuditEvents.client(Grant.anonymous());
  }

  private static AuditEventAction action(String method) {
    return switch (method) {
      case "GET", "HEAD" -> AuditEventAction.R;
      case "PUT", "PATCH" -> AuditEventAction.U;
      case "DELETE" -> AuditEventAction.D;
      default -> AuditEventAction.E;
    };
  }
}
