package org.patientedu.security;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The token endpoint's answer to a request that carries no client authentication it understands (no
 * assertion, or an assertion type other than {@code jwt-bearer}): RFC 6749's {@code
 * invalid_client}, like every other failed client authentication there.
 */
final class TokenErrors {

  private TokenErrors() {}

  static AuthenticationEntryPoint invalidClient() {
    return (request, response, failure) -> {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("application/json;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response
          .getOutputStream()
          .write(
              ("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication"
                      + " failed: SMART Backend Services clients authenticate with"
                      + " client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
                      + " and a signed client_assertion\"}")
                  .getBytes(StandardCharsets.UTF_8));
    };
  }
}
