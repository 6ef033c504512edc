package org.patientedu.security;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.patientedu.fhirserver.OperationOutcomes;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * How a refusal reads, wherever it is decided: 401 with {@code WWW-Authenticate: Bearer} when the
 * caller presented no valid credential, 403 when its token lacks the scope; on {@code /fhir} with
 * an OperationOutcome that says what to do.
 */
final class FhirRefusals {

  static final String REALM = "patient-education";
  private static final String SMART_HINT =
      " Tokens come from SMART Backend Services; see /fhir/.well-known/smart-configuration.";

  private FhirRefusals() {}

  /** The HAPI exception for a request {@code grant} may not make. */
  static BaseServerResponseException refuse(Grant grant, String what) {
    if (grant.isAnonymous()) {
      return new AuthenticationException(what + " needs a bearer token." + SMART_HINT)
          .addResponseHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
    }
    return new ForbiddenOperationException(
        what
            + " is not allowed by the token's scopes ("
            + (grant.scopeText().isEmpty() ? "none" : grant.scopeText())
            + ")."
            + SMART_HINT);
  }

  /**
   * Spring Security's 401 (no or bad token on a request that needs one), as an OperationOutcome.
   */
  static AuthenticationEntryPoint entryPoint() {
    BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    challenge.setRealmName(REALM);
    return (request, response, failure) -> {
      challenge.commence(request, response, failure);
      boolean badToken = request.getHeader("Authorization") != null;
      write(
          response,
          "login",
          badToken
              ? "The bearer token was not accepted (invalid, expired or not issued for this"
                  + " server)."
              : describe(request) + " needs a bearer token." + SMART_HINT);
    };
  }

  /** Spring Security's 403, as an OperationOutcome. */
  static AccessDeniedHandler accessDenied() {
    BearerTokenAccessDeniedHandler challenge = new BearerTokenAccessDeniedHandler();
    challenge.setRealmName(REALM);
    return (HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) -> {
      challenge.handle(request, response, e);
      write(response, "forbidden", describe(request) + " is not allowed by the token's scopes.");
    };
  }

  private static String describe(HttpServletRequest request) {
    return request.getMethod() + " " + request.getRequestURI();
  }

  private static void write(HttpServletResponse response, String issueCode, String message)
      throws IOException {
    response.setContentType("application/fhir+json;charset=UTF-8");
    response
        .getOutputStream()
        .write(OperationOutcomes.errorJson(issueCode, message).getBytes(StandardCharsets.UTF_8));
  }
}
