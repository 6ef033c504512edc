package org.patientedu.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * JWTs this server signs for itself, with the key it signs access tokens with ({@link
 * TokenSigningKeys}): short-lived tickets a feature hands out and takes back later, such as the
 * record-as-given ticket of a CDS Hooks card's handout link. Each kind of ticket has its own JOSE
 * type ({@code typ}, RFC 8725 explicit typing), checked here: a ticket is never taken for an access
 * token (whose decoder accepts {@code JWT} or no type only) or for another kind of ticket.
 */
public final class ServerSignedJwts {

  /** Why a JWT was not accepted. */
  public enum Failure {
    /** Not a JWT, not this kind, or not signed with this server's key. */
    NOT_OURS,
    /** Genuine, but past its expiry. */
    EXPIRED
  }

  /** A JWT this server does not accept, and why. */
  public static final class Refused extends Exception {
    private final Failure failure;

    Refused(Failure failure, String message) {
      super(message);
      this.failure = failure;
    }

    public Failure failure() {
      return failure;
    }
  }

  private static final JWSAlgorithm ALGORITHM = JWSAlgorithm.RS256;

  private final TokenSigningKeys keys;
  // Real time, like every JWT's timestamps (not the application's clock, which a demo may set).
  private final Clock clock = Clock.systemUTC();

  ServerSignedJwts(TokenSigningKeys keys) {
    this.keys = keys;
  }

  /** {@code claims} signed as a JWT of this {@code type}. */
  public String sign(JOSEObjectType type, JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(ALGORITHM).type(type).keyID(keys.signingKey().getKeyID()).build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(keys.signingKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign with the server's token signing key", e);
    }
    return jwt.serialize();
  }

  /**
   * The claims of a JWT of this {@code type} that this server signed and that has not expired (an
   * {@code exp} is required).
   */
  public JWTClaimsSet verify(String token, JOSEObjectType type) throws Refused {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(type));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHM, keys));
    // Expiry is checked below, to tell an expired ticket from a forged one.
    processor.setJWTClaimsSetVerifier((claims, context) -> {});
    JWTClaimsSet claims;
    try {
      claims = processor.process(SignedJWT.parse(token), null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new Refused(Failure.NOT_OURS, "not a " + type + " signed by this server");
    }
    Date expires = claims.getExpirationTime();
    if (expires == null) {
      throw new Refused(Failure.NOT_OURS, "a " + type + " without expiry");
    }
    if (!expires.toInstant().isAfter(Instant.now(clock))) {
      throw new Refused(Failure.EXPIRED, "expired at " + expires.toInstant());
    }
    return claims;
  }
}
