package org.patientedu.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.patientedu.security.ClientKeys;
import org.patientedu.security.JtiLedger;

/**
 * Checks the JWT an EHR signs for each hook call (CDS Hooks 2.0, "Trusting CDS Clients"): signed
 * ES384 or RS384 with a key of the JWKS configured for its issuer (never a key the token points
 * at), {@code aud} the service called, {@code exp} present, not past and at most five minutes
 * ahead, {@code iat} not in the future, and a {@code jti} this issuer has not used before (kept in
 * the shared database, {@link JtiLedger}). Nimbus verifies the signature; the claims are checked
 * here, each with its own message.
 */
final class HookJwtVerifier {

  static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);
  static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** Keeps hook issuers' jti apart from SMART client ids in the shared ledger. */
  private static final String LEDGER_PREFIX = "cds-hooks:";

  /** Why a call was refused: said to the caller as is. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private final Map<String, DefaultJWTProcessor<SecurityContext>> issuers = new HashMap<>();
  private final JtiLedger ledger;
  // Real time, like the JWTs' own timestamps (not the application's clock, which a demo may set).
  private final Clock clock = Clock.systemUTC();

  HookJwtVerifier(Map<String, CdsHooksProperties.Client> clients, JtiLedger ledger) {
    this.ledger = ledger;
    clients.forEach(
        (issuer, client) -> {
          DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
          processor.setJWSKeySelector(
              new JWSVerificationKeySelector<>(
                  ALGORITHMS,
                  ClientKeys.publicKeys(
                      "edu.cds-hooks.clients[" + issuer + "]",
                      client.jwks(),
                      client.jwksFile(),
                      client.jwksUrl())));
          processor.setJWTClaimsSetVerifier((claims, context) -> {});
          issuers.put(issuer, processor);
        });
  }

  boolean knowsIssuers() {
    return !issuers.isEmpty();
  }

  /**
   * @param audiences the addresses of the service called, any of which {@code aud} may name
   * @return the issuer
   */
  String verify(String token, Collection<String> audiences) throws Refused {
    SignedJWT jwt;
    JWTClaimsSet unverified;
    try {
      jwt = SignedJWT.parse(token);
      unverified = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new Refused("The bearer token is not a signed JWT");
    }
    if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
      throw new Refused(
          "The JWT is signed with " + jwt.getHeader().getAlgorithm() + "; ES384 or RS384 expected");
    }
    String issuer = unverified.getIssuer();
    DefaultJWTProcessor<SecurityContext> processor = issuer == null ? null : issuers.get(issuer);
    if (processor == null) {
      throw new Refused("The JWT's issuer (iss) is not a client this service knows");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (BadJOSEException | JOSEException e) {
      throw new Refused(
          "The JWT's signature does not verify with the keys configured for its issuer");
    }
    Instant now = Instant.now(clock);
    if (claims.getAudience() == null
        || claims.getAudience().stream().noneMatch(audiences::contains)) {
      throw new Refused("The JWT's audience (aud) is not this service: expected " + audiences);
    }
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      throw new Refused("The JWT has no expiry (exp)");
    }
    if (expires.toInstant().isBefore(now.minus(CLOCK_SKEW))) {
      throw new Refused("The JWT has expired");
    }
    if (expires.toInstant().isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
      throw new Refused("The JWT's expiry (exp) is more than five minutes ahead");
    }
    if (claims.getIssueTime() == null
        || claims.getIssueTime().toInstant().isAfter(now.plus(CLOCK_SKEW))) {
      throw new Refused("The JWT's issue time (iat) is missing or in the future");
    }
    String jti = claims.getJWTID();
    if (jti == null || jti.isBlank()) {
      throw new Refused("The JWT has no id (jti)");
    }
    // Last, so only a genuine, otherwise valid JWT uses up its jti.
    if (!ledger.firstUse(LEDGER_PREFIX + issuer, jti, expires.toInstant())) {
      throw new Refused("The JWT's id (jti) was used before");
    }
    return issuer;
  }
}
