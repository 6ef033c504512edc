package org.patientedu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Gets real SMART Backend Services tokens, as a client would: a client assertion signed with the
 * client's private key, posted to the token endpoint over HTTP.
 */
public final class SmartTokens {

  public static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private SmartTokens() {}

  /** An access token for {@code scopes}, for one of {@link SmartTestClients}. */
  public static String accessToken(String baseUrl, String clientId, String scopes) {
    HttpResponse<String> response =
        requestToken(
            baseUrl,
            form(
                "client_credentials",
                JWT_BEARER,
                assertion(
                    clientId,
                    SmartTestClients.keyOf(clientId),
                    SmartTestClients.algorithmOf(clientId),
                    baseUrl + "/oauth2/token",
                    Instant.now(),
                    Instant.now().plus(Duration.ofMinutes(4)),
                    UUID.randomUUID().toString()),
                scopes));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Token request refused: " + response.statusCode() + " " + response.body());
    }
    return json(response).get("access_token").asText();
  }

  /** A client assertion with every claim chosen by the caller (so tests can break each one). */
  public static String assertion(
      String clientId,
      JWK key,
      JWSAlgorithm algorithm,
      String audience,
      Instant issuedAt,
      Instant expires,
      String jti) {
    return sign(
        key,
        algorithm,
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(audience)
            .issueTime(Date.from(issuedAt))
            .expirationTime(Date.from(expires))
            .jwtID(jti)
            .build());
  }

  public static String sign(JWK key, JWSAlgorithm algorithm, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(algorithm)
                  .type(JOSEObjectType.JWT)
                  .keyID(key.getKeyID())
                  .build(),
              claims);
      jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(key, algorithm));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Map<String, String> form(
      String grantType, String assertionType, String assertion, String scopes) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", grantType);
    form.put("client_assertion_type", assertionType);
    form.put("client_assertion", assertion);
    if (scopes != null) {
      form.put("scope", scopes);
    }
    return form;
  }

  public static HttpResponse<String> requestToken(String baseUrl, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
