package org.patientedu.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may do what ({@code edu.security.*}, {@code edu.smart.*}, {@code edu.editor-token}; env
 * {@code EDU_...}).
 *
 * @param editorToken a static bearer token with every scope except the audit one: a development
 *     convenience only, off when blank, warned about at start-up
 * @param security what the public may do and which browser origins may call
 * @param smart SMART Backend Services: this server's token endpoint and its clients, or an external
 *     identity provider
 */
@ConfigurationProperties(prefix = "edu")
public record SecurityProperties(
    @DefaultValue("") String editorToken,
    @DefaultValue Access security,
    @DefaultValue Smart smart) {

  /**
   * @param publicRead the published catalog (Library, education DocumentReference, Binary), the
   *     handouts and the guide may be read without a token
   * @param corsOrigins browser origins allowed to call {@code /fhir} (CORS); empty: none
   */
  public record Access(
      @DefaultValue("true") boolean publicRead, @DefaultValue List<String> corsOrigins) {}

  /**
   * @param issuer an external identity provider's issuer: when set, this server only checks the
   *     provider's tokens and runs no token endpoint of its own
   * @param jwksUrl the external provider's JWKS (needed with {@code issuer})
   * @param tokenUrl the external provider's token endpoint, published in the SMART configuration
   *     (needed with {@code issuer})
   * @param audience when set, tokens must name it in {@code aud} (external provider)
   * @param tokenLifetime how long an access token issued here is valid
   * @param signingKeyFile a private JWK (RSA, JSON) to sign tokens with; empty: a key generated
   *     once and kept in the database, shared by every node on it
   * @param clients the clients allowed to ask this server for tokens, by client id
   */
  public record Smart(
      String issuer,
      URI jwksUrl,
      URI tokenUrl,
      String audience,
      @DefaultValue("5m") Duration tokenLifetime,
      Path signingKeyFile,
      @DefaultValue Map<String, Client> clients) {

    public boolean externalIssuer() {
      return issuer != null && !issuer.isBlank();
    }
  }

  /**
   * One SMART Backend Services client. Exactly one of {@code jwks}, {@code jwksFile}, {@code
   * jwksUrl} names its public keys.
   *
   * @param jwks its JWKS, inline JSON
   * @param jwksFile a file holding its JWKS
   * @param jwksUrl where it publishes its JWKS
   * @param scopes the most it may be granted, space-separated SMART scopes
   */
  public record Client(String jwks, Path jwksFile, URI jwksUrl, @DefaultValue("") String scopes) {}

  public boolean editorTokenEnabled() {
    return editorToken != null && !editorToken.isBlank();
  }

  /** Never print the editor token, even by accident in a debug dump of the bean. */
  @Override
  public String toString() {
    return "SecurityProperties[editorToken="
        + (editorTokenEnabled() ? "****" : "<none>")
        + ", security="
        + security
        + ", smart="
        + smart
        + "]";
  }
}
