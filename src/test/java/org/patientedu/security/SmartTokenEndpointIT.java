package org.patientedu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientedu.testing.SmartTestClients.EDITOR;
import static org.patientedu.testing.SmartTestClients.EDITOR_KEY;
import static org.patientedu.testing.SmartTestClients.EHR;
import static org.patientedu.testing.SmartTestClients.EHR_KEY;
import static org.patientedu.testing.SmartTokens.JWT_BEARER;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.SmartTestClients;
import org.patientedu.testing.SmartTokens;

/**
 * SMART Backend Services discovery and the token endpoint, as Inferno would test them: real key
 * pairs made by the test, each rule of the client assertion broken once.
 */
class SmartTokenEndpointIT extends RunningServerTest {

  @Test
  void discoveryNamesTheTokenEndpointAndWhatItAccepts() {
    HttpResponse<String> response = get("/fhir/.well-known/smart-configuration");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode configuration = SmartTokens.json(response);
    assertThat(configuration.get("token_endpoint").asText()).isEqualTo(tokenUrl());
    assertThat(texts(configuration.get("grant_types_supported")))
        .containsExactly("client_credentials");
    assertThat(texts(configuration.get("token_endpoint_auth_methods_supported")))
        .containsExactly("private_key_jwt");
    assertThat(texts(configuration.get("token_endpoint_auth_signing_alg_values_supported")))
        .containsExactlyInAnyOrder("RS384", "ES384");
    assertThat(texts(configuration.get("capabilities")))
        .contains("client-confidential-asymmetric", "permission-v2");
    assertThat(texts(configuration.get("scopes_supported")))
        .contains(
            "system/Library.cu",
            "system/DocumentReference.cu",
            "system/Binary.cu",
            "system/DocumentReference.c",
            "system/Procedure.c",
            "system/AuditEvent.rs");
    assertThat(texts(configuration.get("code_challenge_methods_supported")))
        .containsExactly("S256");
  }

  @Test
  void theCapabilityStatementNamesSmartAndTheTokenEndpoint() {
    CapabilityStatement capabilities =
        anonymousClient().capabilities().ofType(CapabilityStatement.class).execute();
    CapabilityStatementRestSecurityComponent security =
        capabilities.getRestFirstRep().getSecurity();
    assertThat(security.getService())
        .flatExtracting(service -> service.getCoding())
        .extracting(coding -> coding.getSystem() + "|" + coding.getCode())
        .containsExactly(
            "http://terminology.hl7.org/CodeSystem/restful-security-service|SMART-on-FHIR");
    assertThat(
            security
                .getExtensionByUrl(
                    "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")
                .getExtensionByUrl("token")
                .getValue()
                .primitiveValue())
        .isEqualTo(tokenUrl());
    assertThat(security.getCors()).as("an origin is allowed in the test server").isTrue();
  }

  @Test
  void anRs384AssertionGetsABearerTokenForTheScopesAskedThatWorksOnTheServer() {
    HttpResponse<String> response =
        request(
            assertionOf(EDITOR, EDITOR_KEY, JWSAlgorithm.RS384),
            "system/Library.rs system/Library.cu");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    JsonNode token = SmartTokens.json(response);
    assertThat(token.get("token_type").asText()).isEqualToIgnoringCase("bearer");
    assertThat(token.get("expires_in").asInt()).isBetween(290, 300);
    assertThat(token.get("scope").asText().split(" "))
        .containsExactlyInAnyOrder("system/Library.rs", "system/Library.cu");

    Library stored =
        clientWithToken(token.get("access_token").asText())
            .read()
            .resource(Library.class)
            .withId("oxytocin-healthwise")
            .execute();
    assertThat(stored.getTitle()).isEqualTo("Oxytocin");
  }

  @Test
  void anEs384AssertionGetsABearerToken() {
    HttpResponse<String> response =
        request(assertionOf(EHR, EHR_KEY, JWSAlgorithm.ES384), "system/Procedure.c");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SmartTokens.json(response).get("scope").asText()).isEqualTo("system/Procedure.c");
  }

  @Test
  void smartV1ScopesAreAcceptedWhenTheClientMayHaveThem() {
    HttpResponse<String> response =
        request(assertionOf(EHR, EHR_KEY, JWSAlgorithm.ES384), "system/Patient.read");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(SmartTokens.json(response).get("scope").asText()).isEqualTo("system/Patient.read");
  }

  @Test
  void aGrantTypeOtherThanClientCredentialsIsUnsupported() {
    HttpResponse<String> response =
        SmartTokens.requestToken(
            baseUrl(),
            SmartTokens.form(
                "password",
                JWT_BEARER,
                assertionOf(EDITOR, EDITOR_KEY, JWSAlgorithm.RS384),
                "system/Library.rs"));
    assertError(response, 400, "unsupported_grant_type");
  }

  @Test
  void anAssertionTypeOtherThanJwtBearerIsAnInvalidClient() {
    HttpResponse<String> response =
        SmartTokens.requestToken(
            baseUrl(),
            SmartTokens.form(
                "client_credentials",
                "urn:ietf:params:oauth:client-assertion-type:saml2-bearer",
                assertionOf(EDITOR, EDITOR_KEY, JWSAlgorithm.RS384),
                "system/Library.rs"));
    assertError(response, 401, "invalid_client");
  }

  @Test
  void anAssertionForAnotherAudienceIsRefused() {
    String assertion =
        SmartTokens.assertion(
            EDITOR,
            EDITOR_KEY,
            JWSAlgorithm.RS384,
            "https://some-other-server.example/token",
            Instant.now(),
            Instant.now().plusSeconds(120),
            UUID.randomUUID().toString());
    assertError(request(assertion, "system/Library.rs"), 401, "invalid_client");
  }

  @Test
  void anExpiredAssertionIsRefused() {
    String assertion =
        SmartTokens.assertion(
            EDITOR,
            EDITOR_KEY,
            JWSAlgorithm.RS384,
            tokenUrl(),
            Instant.now().minus(Duration.ofMinutes(10)),
            Instant.now().minus(Duration.ofMinutes(5)),
            UUID.randomUUID().toString());
    assertError(request(assertion, "system/Library.rs"), 401, "invalid_client");
  }

  @Test
  void anAssertionValidForMoreThanFiveMinutesIsRefused() {
    String assertion =
        SmartTokens.assertion(
            EDITOR,
            EDITOR_KEY,
            JWSAlgorithm.RS384,
            tokenUrl(),
            Instant.now(),
            Instant.now().plus(Duration.ofMinutes(15)),
            UUID.randomUUID().toString());
    assertError(request(assertion, "system/Library.rs"), 401, "invalid_client");
  }

  @Test
  void anAssertionIssuedInTheFutureIsRefused() {
    String assertion =
        SmartTokens.assertion(
            EDITOR,
            EDITOR_KEY,
            JWSAlgorithm.RS384,
            tokenUrl(),
            Instant.now().plus(Duration.ofMinutes(3)),
            Instant.now().plus(Duration.ofMinutes(4)),
            UUID.randomUUID().toString());
    assertError(request(assertion, "system/Library.rs"), 401, "invalid_client");
  }

  @Test
  void aReplayedAssertionIsRefused() {
    String assertion = assertionOf(EDITOR, EDITOR_KEY, JWSAlgorithm.RS384);
    assertThat(request(assertion, "system/Library.rs").statusCode()).isEqualTo(200);
    assertError(request(assertion, "system/Library.rs"), 401, "invalid_client");
  }

  @Test
  void aReusedJtiIsRefusedEvenInANewAssertion() {
    String jti = UUID.randomUUID().toString();
    String first =
        SmartTokens.assertion(
            EDITOR,
            EDITOR_KEY,
            JWSAlgorithm.RS384,
            tokenUrl(),
            Instant.now(),
            Instant.now().plusSeconds(200),
            jti);
    String second =
        SmartTokens.assertion(
            EDITOR,
            EDITOR_KEY,
            JWSAlgorithm.RS384,
            tokenUrl(),
            Instant.now(),
            Instant.now().plusSeconds(250),
            jti);
    assertThat(request(first, "system/Library.rs").statusCode()).isEqualTo(200);
    assertError(request(second, "system/Library.rs"), 401, "invalid_client");
  }

  @Test
  void anUnknownClientIsRefused() {
    JWK stranger = SmartTestClients.rsa("stranger-key");
    assertError(
        request(
            assertionOf("nobody-configured-me", stranger, JWSAlgorithm.RS384), "system/Library.rs"),
        401,
        "invalid_client");
  }

  @Test
  void anAssertionSignedWithAnotherKeyIsRefused() {
    JWK impostor = SmartTestClients.rsa(EDITOR_KEY.getKeyID()); // same kid, different key
    assertError(
        request(assertionOf(EDITOR, impostor, JWSAlgorithm.RS384), "system/Library.rs"),
        401,
        "invalid_client");
  }

  @Test
  void anAssertionWithAWeakerAlgorithmIsRefused() {
    assertError(
        request(assertionOf(EDITOR, EDITOR_KEY, JWSAlgorithm.RS256), "system/Library.rs"),
        401,
        "invalid_client");
  }

  @Test
  void scopesBeyondWhatTheClientMayHaveAreInvalid() {
    // The EHR client may read Libraries, not change them.
    HttpResponse<String> response =
        request(
            assertionOf(EHR, EHR_KEY, JWSAlgorithm.ES384), "system/Library.rs system/Library.u");
    assertError(response, 400, "invalid_scope");
    assertThat(SmartTokens.json(response).get("error_description").asText())
        .contains("system/Library.u");
  }

  @Test
  void aRequestWithoutScopeIsInvalid() {
    assertError(
        request(assertionOf(EDITOR, EDITOR_KEY, JWSAlgorithm.RS384), null), 400, "invalid_scope");
  }

  private String tokenUrl() {
    return baseUrl() + "/oauth2/token";
  }

  private String assertionOf(String clientId, JWK key, JWSAlgorithm algorithm) {
    return SmartTokens.assertion(
        clientId,
        key,
        algorithm,
        tokenUrl(),
        Instant.now(),
        Instant.now().plus(Duration.ofMinutes(4)),
        UUID.randomUUID().toString());
  }

  private HttpResponse<String> request(String assertion, String scopes) {
    return SmartTokens.requestToken(
        baseUrl(), SmartTokens.form("client_credentials", JWT_BEARER, assertion, scopes));
  }

  private static void assertError(HttpResponse<String> response, int status, String error) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode body = SmartTokens.json(response);
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.has("access_token")).isFalse();
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    assertThat(array).as("a JSON array").isNotNull();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
