package org.patientedu.security;

import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import java.text.ParseException;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a SMART client assertion that comes without {@code client_id}. SMART Backend Services sends
 * none (RFC 7523 makes it optional; the assertion's {@code iss} is the client id), while Spring
 * Authorization Server's own converter requires it. The client id is taken from {@code iss}
 * unverified; the assertion is then verified against that client's keys like any other.
 */
final class SmartClientAssertionConverter implements AuthenticationConverter {

  static final ClientAuthenticationMethod JWT_BEARER =
      new ClientAuthenticationMethod("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");

  @Override
  public Authentication convert(HttpServletRequest request) {
    String[] types = request.getParameterValues(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE);
    String[] assertions = request.getParameterValues(OAuth2ParameterNames.CLIENT_ASSERTION);
    if (types == null
        || assertions == null
        || request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null
        || !JWT_BEARER.getValue().equals(types[0])) {
      return null; // not ours: Spring's converters decide
    }
    if (types.length != 1 || assertions.length != 1) {
      throw invalid(OAuth2ErrorCodes.INVALID_REQUEST, "client_assertion given more than once");
    }
    String clientId;
    try {
      clientId = JWTParser.parse(assertions[0]).getJWTClaimsSet().getIssuer();
    } catch (ParseException e) {
      throw invalid(OAuth2ErrorCodes.INVALID_CLIENT, "client_assertion is not a JWT");
    }
    if (clientId == null || clientId.isBlank()) {
      throw invalid(OAuth2ErrorCodes.INVALID_CLIENT, "client_assertion names no iss");
    }
    return new OAuth2ClientAuthenticationToken(clientId, JWT_BEARER, assertions[0], Map.of());
  }

  private static OAuth2AuthenticationException invalid(String code, String description) {
    return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
  }
}
