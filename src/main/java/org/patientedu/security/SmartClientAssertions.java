package org.patientedu.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContext;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Checks a client assertion the way SMART Backend Services asks, for Spring Authorization Server's
 * {@code private_key_jwt} client authentication (which by default reads keys only from a JWKS URL
 * and accepts one algorithm per client): signed RS384 or ES384 with a key from the client's JWKS;
 * {@code iss} = {@code sub} = the client id; {@code aud} = this server's token URL; {@code exp} at
 * most five minutes ahead; {@code iat} not in the future; a {@code jti} never used before.
 */
final class SmartClientAssertions implements JwtDecoderFactory<RegisteredClient> {

  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS384, JWSAlgorithm.ES384);
  static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  private final SmartClients clients;
  private final JtiLedger jtiLedger;
  private final Clock clock = Clock.systemUTC();
  private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

  SmartClientAssertions(SmartClients clients, JtiLedger jtiLedger) {
    this.clients = clients;
    this.jtiLedger = jtiLedger;
  }

  @Override
  public JwtDecoder createDecoder(RegisteredClient client) {
    return decoders.computeIfAbsent(client.getClientId(), clientId -> decoder(clientId));
  }

  private JwtDecoder decoder(String clientId) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(ALGORITHMS, clients.publicKeysOf(clientId)));
    // The claims are checked below, by Spring's validators, not by Nimbus's defaults.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    decoder.setJwtValidator(validator(clientId));
    return decoder;
  }

  private OAuth2TokenValidator<Jwt> validator(String clientId) {
    OAuth2TokenValidator<Jwt> claims =
        new DelegatingOAuth2TokenValidator<>(
            new JwtClaimValidator<String>(JwtClaimNames.ISS, clientId::equals),
            new JwtClaimValidator<String>(JwtClaimNames.SUB, clientId::equals),
            new JwtClaimValidator<List<String>>(
                JwtClaimNames.AUD, audience -> audience != null && audience.contains(tokenUrl())),
            new JwtClaimValidator<Instant>(
                JwtClaimNames.EXP,
                expiry ->
                    expiry != null && !expiry.isAfter(now().plus(MAX_LIFETIME).plus(CLOCK_SKEW))),
            new JwtClaimValidator<Instant>(
                JwtClaimNames.IAT,
                issued -> issued == null || !issued.isAfter(now().plus(CLOCK_SKEW))),
            new JwtClaimValidator<String>(JwtClaimNames.JTI, jti -> jti != null && !jti.isBlank()),
            new JwtTimestampValidator(CLOCK_SKEW));
    return assertion -> {
      OAuth2TokenValidatorResult checked = claims.validate(assertion);
      if (checked.hasErrors()) {
        return checked;
      }
      // Last, so that only a genuine, otherwise valid assertion uses up its jti.
      return jtiLedger.firstUse(clientId, assertion.getId(), assertion.getExpiresAt())
          ? OAuth2TokenValidatorResult.success()
          : OAuth2TokenValidatorResult.failure(
              new OAuth2Error(
                  OAuth2ErrorCodes.INVALID_CLIENT, "The assertion's jti was used before", null));
    };
  }

  /** The token endpoint as the client reached it: what SMART requires in {@code aud}. */
  private static String tokenUrl() {
    AuthorizationServerContext context = AuthorizationServerContextHolder.getContext();
    return UriComponentsBuilder.fromUriString(context.getIssuer())
        .path(context.getAuthorizationServerSettings().getTokenEndpoint())
        .build()
        .toUriString();
  }

  private Instant now() {
    return Instant.now(clock);
  }
}
