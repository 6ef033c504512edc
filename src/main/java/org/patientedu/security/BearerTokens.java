package org.patientedu.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

/**
 * Turns a bearer token into a {@link Grant}: an access token (checked by Spring Security's resource
 * server with Nimbus) grants the scopes it states; the development editor token, when configured,
 * grants {@value #EDITOR_TOKEN_SCOPES}.
 */
final class BearerTokens {

  static final String EDITOR_TOKEN_CLIENT = "editor-token";

  /** Everything scopes can grant, but the audit trail, which needs a real SMART client. */
  static final String EDITOR_TOKEN_SCOPES = "system/*.cruds";

  private BearerTokens() {}

  static AuthenticationManager authenticationManager(JwtDecoder decoder, String editorToken) {
    JwtAuthenticationProvider accessTokens = new JwtAuthenticationProvider(decoder);
    accessTokens.setJwtAuthenticationConverter(
        jwt -> new SmartAuthentication(Grant.of(clientId(jwt), scopes(jwt)), jwt));
    List<AuthenticationProvider> providers = new ArrayList<>();
    if (editorToken != null && !editorToken.isBlank()) {
      providers.add(new EditorToken(editorToken));
    }
    providers.add(accessTokens);
    return new ProviderManager(providers);
  }

  /**
   * RFC 9068 {@code client_id} first; identity providers also use {@code azp}; ours sets {@code
   * sub}.
   */
  private static String clientId(Jwt jwt) {
    for (String claim : List.of("client_id", "azp", "sub")) {
      String value = jwt.getClaimAsString(claim);
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "unnamed client";
  }

  /** {@code scope} as a space-separated string (SMART, RFC 9068) or a list; {@code scp} too. */
  private static String scopes(Jwt jwt) {
    for (String claim : List.of("scope", "scp")) {
      Object value = jwt.getClaims().get(claim);
      if (value instanceof String text) {
        return text;
      }
      if (value instanceof Collection<?> list) {
        return String.join(" ", list.stream().map(String::valueOf).toList());
      }
    }
    return "";
  }

  /** The static development credential of {@code edu.editor-token}. */
  private static final class EditorToken implements AuthenticationProvider {

    private final byte[] token;

    EditorToken(String token) {
      this.token = token.strip().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
      byte[] presented =
          ((BearerTokenAuthenticationToken) authentication)
              .getToken()
              .strip()
              .getBytes(StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(presented, token)) { // constant time: no timing oracle
        return null; // not this credential: let the access-token check answer
      }
      return new SmartAuthentication(Grant.of(EDITOR_TOKEN_CLIENT, EDITOR_TOKEN_SCOPES), null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
      return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
  }
}
