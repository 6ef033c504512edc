package org.patientedu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.ServerProcess;
import org.patientedu.testing.SmartTestClients;
import org.patientedu.testing.SmartTokens;

/**
 * A hospital's identity provider issues the tokens (a second key set, served by the test, stands in
 * for it): the server checks them and runs no token endpoint of its own. This server also runs with
 * {@code edu.security.public-read=false}, so that even the catalog needs a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExternalIssuerIT {

  private static final String ISSUER = "https://idp.hospital.example";
  private static final String TOKEN_URL = ISSUER + "/oauth2/token";
  private static final String AUDIENCE = "patient-education";
  private static final JWK IDP_KEY = SmartTestClients.rsa("idp-key-1");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HttpServer identityProvider;
  private ServerProcess server;

  @BeforeAll
  void startTheIdentityProviderAndTheServer(@TempDir Path dataDir) throws Exception {
    identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] jwks = new JWKSet(IDP_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    identityProvider.createContext(
        "/jwks",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    identityProvider.start();
    server =
        ServerProcess.start(
                Map.of(
                    "edu.data-dir",
                    dataDir.toString(),
                    "edu.smart.issuer",
                    ISSUER,
                    "edu.smart.jwks-url",
                    "http://127.0.0.1:" + identityProvider.getAddress().getPort() + "/jwks",
                    "edu.smart.token-url",
                    TOKEN_URL,
                    "edu.smart.audience",
                    AUDIENCE,
                    "edu.security.public-read",
                    "false"),
                dataDir.resolve("server.log"))
            .awaitReady(Duration.ofMinutes(5));
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (identityProvider != null) {
      identityProvider.stop(0);
    }
  }

  @Test
  void discoverySendsClientsToTheIdentityProvider() {
    HttpResponse<String> response = get("/fhir/.well-known/smart-configuration", null);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode configuration = SmartTokens.json(response);
    assertThat(configuration.get("token_endpoint").asText()).isEqualTo(TOKEN_URL);
    assertThat(configuration.has("jwks_uri")).isFalse();
    assertThat(get("/fhir/metadata", null).statusCode()).isEqualTo(200);
  }

  @Test
  void theServerIssuesNoTokensOfItsOwn() {
    HttpResponse<String> response =
        SmartTokens.requestToken(
            server.baseUrl(),
            SmartTokens.form(
                "client_credentials", SmartTokens.JWT_BEARER, "x.y.z", "system/Library.rs"));
    assertThat(response.statusCode()).isNotEqualTo(200);
    assertThat(response.body()).doesNotContain("access_token");
  }

  @Test
  void theProvidersTokensAreAcceptedWithTheirScopes() throws Exception {
    String token = token(claims -> claims);
    assertThat(get("/fhir/Library/oxytocin-healthwise", token).statusCode()).isEqualTo(200);
    assertThat(get("/handouts/oxytocin-healthwise", token).statusCode()).isEqualTo(200);

    HttpResponse<String> write =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.fhirBase() + "/Library/idp-written"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/fhir+json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"resourceType\":\"Library\",\"id\":\"idp-written\",\"status\":\"draft\","
                            + "\"type\":{\"coding\":[{\"system\":"
                            + "\"http://terminology.hl7.org/CodeSystem/library-type\","
                            + "\"code\":\"asset-collection\"}]}}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(write.statusCode()).as(write.body()).isEqualTo(201);

    String readOnly = token(claims -> claims.claim("scope", "system/Library.rs"));
    assertThat(get("/fhir/AuditEvent", readOnly).statusCode()).isEqualTo(403);
  }

  @Test
  void tokensTheProviderDidNotIssueAreRefused() {
    JWK otherKey = SmartTestClients.rsa(IDP_KEY.getKeyID());
    Map<String, String> refused =
        Map.of(
            "signed with another key",
            SmartTokens.sign(otherKey, JWSAlgorithm.RS256, claims(claims -> claims)),
            "another issuer",
            token(claims -> claims.issuer("https://elsewhere.example")),
            "for another audience",
            token(claims -> claims.audience("some-other-service")),
            "expired",
            token(
                claims ->
                    claims
                        .issueTime(Date.from(Instant.now().minusSeconds(900)))
                        .expirationTime(Date.from(Instant.now().minusSeconds(300)))));
    refused.forEach(
        (why, token) ->
            assertThat(get("/fhir/Library/oxytocin-healthwise", token).statusCode())
                .as(why)
                .isEqualTo(401));
  }

  @Test
  void withoutPublicReadEvenTheCatalogNeedsAToken() {
    assertThat(get("/fhir/Library/oxytocin-healthwise", null).statusCode()).isEqualTo(401);
    assertThat(get("/fhir/Library?_content=prolactin", null).statusCode()).isEqualTo(401);
    assertThat(get("/handouts/oxytocin-healthwise", null).statusCode()).isEqualTo(401);
    assertThat(get("/ig/", null).statusCode()).isEqualTo(401);
    String auditOnly = token(claims -> claims.claim("scope", "system/AuditEvent.rs"));
    assertThat(get("/fhir/Library/oxytocin-healthwise", auditOnly).statusCode()).isEqualTo(403);
    assertThat(get("/handouts/oxytocin-healthwise", auditOnly).statusCode()).isEqualTo(403);
  }

  private String token(UnaryOperator<JWTClaimsSet.Builder> change) {
    return SmartTokens.sign(IDP_KEY, JWSAlgorithm.RS256, claims(change));
  }

  /** What the provider puts in an access token for a backend client. */
  private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    return change
        .apply(
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("ehr-from-idp")
                .audience(AUDIENCE)
                .claim("client_id", "ehr-from-idp")
                .claim("scope", "system/Library.rs system/Library.cu")
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString()))
        .build();
  }

  private HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
