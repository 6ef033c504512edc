package org.patientedu.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated caller: a SMART client with its grant (or the development editor token). */
final class SmartAuthentication extends AbstractAuthenticationToken {

  private final Grant grant;
  private final transient Object credentials;

  SmartAuthentication(Grant grant, Object credentials) {
    super(List.of());
    this.grant = grant;
    this.credentials = credentials;
    setAuthenticated(true);
  }

  Grant grant() {
    return grant;
  }

  @Override
  public Object getCredentials() {
    return credentials;
  }

  @Override
  public Object getPrincipal() {
    return grant.clientId();
  }
}
