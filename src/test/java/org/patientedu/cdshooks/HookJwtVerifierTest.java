package org.patientedu.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientedu.security.JtiLedger;
import org.patientedu.testing.SmartTestClients;
import org.patientedu.testing.SmartTokens;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each rule of the hook JWT on its own, with real keys and a real (in-memory H2) jti ledger; the
 * same rules over HTTP are in CdsHooksIT.
 */
class HookJwtVerifierTest {

  private static final String ISSUER = "https://ehr.example.test";
  private static final String SERVICE = "https://cds.example.test/cds-services/x";
  private static final JWK KEY = SmartTestClients.ec("k1");

  private HookJwtVerifier verifier;

  @BeforeEach
  void newVerifier() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    JtiLedger ledger = new JtiLedger(new JdbcTemplate(database));
    ledger.afterPropertiesSet();
    verifier =
        new HookJwtVerifier(
            Map.of(
                ISSUER,
                new CdsHooksProperties.Client(
                    new JWKSet(KEY.toPublicJWK()).toString(), null, null)),
            ledger);
  }

  @Test
  void aGenuineJwtPassesOnceOnly() throws Exception {
    String jwt = jwt(KEY, JWSAlgorithm.ES384, ISSUER, SERVICE, Instant.now(), 240, "j1");
    assertThat(verifier.verify(jwt, List.of(SERVICE))).isEqualTo(ISSUER);
    assertRefused(jwt, "used before");
  }

  @Test
  void eachBrokenClaimIsRefusedWithItsReason() {
    Instant now = Instant.now();
    assertRefused("not-a-jwt", "not a signed JWT");
    assertRefused(
        jwt(SmartTestClients.ec("k1"), JWSAlgorithm.ES384, ISSUER, SERVICE, now, 240, "a"),
        "signature");
    assertRefused(
        jwt(p256("k1"), JWSAlgorithm.ES256, ISSUER, SERVICE, now, 240, "b"), "ES384 or RS384");
    assertRefused(jwt(KEY, JWSAlgorithm.ES384, "https://x.test", SERVICE, now, 240, "c"), "issuer");
    assertRefused(
        jwt(KEY, JWSAlgorithm.ES384, ISSUER, SERVICE + "/other", now, 240, "d"), "audience");
    assertRefused(
        jwt(KEY, JWSAlgorithm.ES384, ISSUER, SERVICE, now.minusSeconds(900), 300, "e"), "expired");
    assertRefused(jwt(KEY, JWSAlgorithm.ES384, ISSUER, SERVICE, now, 3600, "f"), "five minutes");
    assertRefused(
        jwt(KEY, JWSAlgorithm.ES384, ISSUER, SERVICE, now.plusSeconds(200), 60, "g"), "issue time");
    assertRefused(jwt(KEY, JWSAlgorithm.ES384, ISSUER, SERVICE, now, 240, null), "jti");
  }

  private static JWK p256(String keyId) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void assertRefused(String jwt, String reason) {
    assertThatThrownBy(() -> verifier.verify(jwt, List.of(SERVICE)))
        .isInstanceOf(HookJwtVerifier.Refused.class)
        .hasMessageContaining(reason);
  }

  private static String jwt(
      JWK key,
      JWSAlgorithm algorithm,
      String issuer,
      String audience,
      Instant issued,
      long life,
      String jti) {
    return SmartTokens.sign(
        key,
        algorithm,
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .issueTime(Date.from(issued))
            .expirationTime(Date.from(issued.plusSeconds(life)))
            .jwtID(jti)
            .build());
  }
}
