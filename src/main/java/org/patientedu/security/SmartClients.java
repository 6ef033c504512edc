package org.patientedu.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The SMART clients of {@code edu.smart.clients.<client-id>}: each as a Spring Authorization Server
 * client (client credentials, {@code private_key_jwt}) and the public keys its assertions are
 * checked against.
 */
final class SmartClients {

  private final RegisteredClientRepository repository;
  private final Map<String, JWKSource<SecurityContext>> keys;

  private SmartClients(
      RegisteredClientRepository repository, Map<String, JWKSource<SecurityContext>> keys) {
    this.repository = repository;
    this.keys = keys;
  }

  static SmartClients from(Map<String, SecurityProperties.Client> clients, Duration tokenLifetime) {
    Map<String, JWKSource<SecurityContext>> keys = new HashMap<>();
    List<RegisteredClient> registered =
        clients.entrySet().stream()
            .map(
                client -> {
                  SecurityProperties.Client settings = client.getValue();
                  keys.put(
                      client.getKey(),
                      ClientKeys.publicKeys(
                          "edu.smart.clients." + client.getKey(),
                          settings.jwks(),
                          settings.jwksFile(),
                          settings.jwksUrl()));
                  return registered(client.getKey(), client.getValue(), tokenLifetime);
                })
            .toList();
    // Spring's in-memory repository refuses an empty list; a server without clients has a token
    // endpoint that knows nobody.
    RegisteredClientRepository repository =
        registered.isEmpty() ? new NoClients() : new InMemoryRegisteredClientRepository(registered);
    return new SmartClients(repository, Map.copyOf(keys));
  }

  RegisteredClientRepository repository() {
    return repository;
  }

  JWKSource<SecurityContext> publicKeysOf(String clientId) {
    return keys.get(clientId);
  }

  private static RegisteredClient registered(
      String clientId, SecurityProperties.Client client, Duration tokenLifetime) {
    List<String> scopes =
        Stream.of(client.scopes().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    for (String scope : scopes) {
      if (SmartScope.parse(scope).isEmpty()) {
        throw new IllegalStateException(
            "edu.smart.clients."
                + clientId
                + ".scopes: '"
                + scope
                + "' is not a system scope this server grants (system/<Type>.<cruds>)");
      }
    }
    return RegisteredClient.withId(clientId)
        .clientId(clientId)
        .clientAuthenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scopes(granted -> granted.addAll(scopes))
        .clientSettings(
            ClientSettings.builder()
                // Marks the client as private_key_jwt; the assertion decoder accepts RS384 and
                // ES384 alike (SmartClientAssertions).
                .tokenEndpointAuthenticationSigningAlgorithm(SignatureAlgorithm.RS384)
                .build())
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(tokenLifetime)
                .build())
        .build();
  }

  /** The repository when no client is configured: every client id is unknown. */
  private static final class NoClients implements RegisteredClientRepository {
    @Override
    public void save(RegisteredClient registeredClient) {
      throw new UnsupportedOperationException("clients come from edu.smart.clients");
    }

    @Override
    public RegisteredClient findById(String id) {
      return null;
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
      return null;
    }
  }
}
