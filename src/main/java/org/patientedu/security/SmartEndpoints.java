package org.patientedu.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where SMART clients go: the token endpoint (this server's, or the external identity provider's)
 * and, for this server's tokens, its public keys. Addresses are made from the request (as Spring
 * Authorization Server makes its issuer), so what discovery says is what a client's {@code aud}
 * must be; behind a proxy set {@code server.forward-headers-strategy}.
 */
final class SmartEndpoints {

  static final String TOKEN_PATH = "/oauth2/token";
  static final String JWKS_PATH = "/oauth2/jwks";
  static final String SMART_CONFIGURATION_PATH = "/fhir/.well-known/smart-configuration";

  /** What {@code scopes_supported} lists: the scopes this server's rules give a meaning to. */
  static final List<String> SCOPES_SUPPORTED =
      List.of(
          "system/Library.rs",
          "system/Library.cu",
          "system/DocumentReference.rs",
          "system/DocumentReference.cu",
          "system/DocumentReference.c",
          "system/Binary.rs",
          "system/Binary.cu",
          "system/Procedure.rs",
          "system/Procedure.c",
          "system/Patient.rs",
          "system/Encounter.rs",
          "system/AuditEvent.rs");

  private final SecurityProperties.Smart smart;

  SmartEndpoints(SecurityProperties.Smart smart) {
    this.smart = smart;
  }

  String tokenUrl(HttpServletRequest request) {
    return smart.externalIssuer()
        ? smart.tokenUrl().toString()
        : ServletUriComponentsBuilder.fromContextPath(request).path(TOKEN_PATH).toUriString();
  }

  /** This server's token keys; none when an external provider issues the tokens. */
  String jwksUrl(HttpServletRequest request) {
    return smart.externalIssuer()
        ? null
        : ServletUriComponentsBuilder.fromContextPath(request).path(JWKS_PATH).toUriString();
  }
}
