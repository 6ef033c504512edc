package org.patientedu.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;

/**
 * Decides the scopes of a token request. Spring Authorization Server compares scope strings; SMART
 * scopes are permissions, so a client allowed {@code system/Library.cruds} may ask for {@code
 * system/Library.rs} or {@code system/Library.read}. A request for anything beyond what the client
 * is allowed gets {@code invalid_scope} (nothing is silently dropped); no scope at all too.
 */
final class SmartScopeRequests implements Consumer<OAuth2ClientCredentialsAuthenticationContext> {

  @Override
  public void accept(OAuth2ClientCredentialsAuthenticationContext context) {
    Set<String> requested =
        context.<OAuth2ClientCredentialsAuthenticationToken>getAuthentication().getScopes();
    if (requested.isEmpty()) {
      throw invalidScope("A SMART token request names its scopes (scope=system/Library.rs ...)");
    }
    List<SmartScope> allowed =
        context.getRegisteredClient().getScopes().stream()
            .map(SmartScope::parse)
            .flatMap(Optional::stream)
            .toList();
    for (String text : requested) {
      SmartScope scope =
          SmartScope.parse(text)
              .orElseThrow(() -> invalidScope("Not a scope this server grants: " + text));
      if (allowed.stream().noneMatch(permitted -> permitted.covers(scope))) {
        throw invalidScope("This client may not be granted " + text);
      }
    }
  }

  private static OAuth2AuthenticationException invalidScope(String description) {
    return new OAuth2AuthenticationException(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_SCOPE, description, null));
  }
}
