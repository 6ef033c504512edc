package org.patientedu.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The SMART clients the shared test server knows, with key pairs generated here, once per test run:
 * their public JWKS go to the server as files, their private keys sign the tests' assertions.
 */
public final class SmartTestClients {

  /** An editors' tool: RSA key, RS384 assertions; may be granted nearly everything. */
  public static final String EDITOR = "test-editor-rs384";

  public static final String EDITOR_SCOPES =
      "system/Library.cruds system/DocumentReference.cruds system/Binary.cruds"
          + " system/Procedure.crs system/Patient.crs system/Encounter.crs system/AuditEvent.rs";

  /** An EHR: EC P-384 key, ES384 assertions; patient records and reading the catalog. */
  public static final String EHR = "test-ehr-es384";

  public static final String EHR_SCOPES =
      "system/DocumentReference.crs system/Procedure.crs system/Patient.crs"
          + " system/Encounter.crs system/Library.rs";

  public static final JWK EDITOR_KEY = rsa("editor-key-1");
  public static final JWK EHR_KEY = ec("ehr-key-1");

  private SmartTestClients() {}

  public static void register(DynamicPropertyRegistry registry) {
    properties().forEach((key, value) -> registry.add(key, () -> value));
  }

  /** The settings that configure both clients on a server. */
  public static Map<String, String> properties() {
    return Map.of(
        "edu.smart.clients." + EDITOR + ".jwks-file",
        publicJwksFile(EDITOR_KEY).toString(),
        "edu.smart.clients." + EDITOR + ".scopes",
        EDITOR_SCOPES,
        "edu.smart.clients." + EHR + ".jwks-file",
        publicJwksFile(EHR_KEY).toString(),
        "edu.smart.clients." + EHR + ".scopes",
        EHR_SCOPES);
  }

  public static JWK keyOf(String clientId) {
    return EDITOR.equals(clientId) ? EDITOR_KEY : EHR_KEY;
  }

  public static JWSAlgorithm algorithmOf(String clientId) {
    return EDITOR.equals(clientId) ? JWSAlgorithm.RS384 : JWSAlgorithm.ES384;
  }

  public static JWK rsa(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JWK ec(String keyId) {
    try {
      return new ECKeyGenerator(Curve.P_384).keyID(keyId).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public half of {@code key} as a JWKS file, as an administrator would configure it. */
  public static Path publicJwksFile(JWK key) {
    try {
      Path file = Files.createTempFile("edu-client-jwks-", ".json");
      Files.writeString(file, new JWKSet(key.toPublicJWK()).toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
