package org.patientedu.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /fhir/.well-known/smart-configuration}: how to get a token here (SMART App Launch 2.x,
 * "FHIR Authorization Endpoint and Capabilities Discovery"). Mapped on its exact path, which takes
 * it from the FHIR servlet's {@code /fhir/*}.
 */
final class SmartConfigurationServlet extends HttpServlet {

  private final transient SmartEndpoints endpoints;
  private final transient ObjectMapper json;

  SmartConfigurationServlet(SmartEndpoints endpoints, ObjectMapper json) {
    this.endpoints = endpoints;
    this.json = json;
  }

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("token_endpoint", endpoints.tokenUrl(request));
    String jwks = endpoints.jwksUrl(request);
    if (jwks != null) {
      configuration.put("jwks_uri", jwks);
    }
    configuration.put("grant_types_supported", List.of("client_credentials"));
    configuration.put("token_endpoint_auth_methods_supported", List.of("private_key_jwt"));
    configuration.put(
        "token_endpoint_auth_signing_alg_values_supported",
        SmartClientAssertions.ALGORITHMS.stream().map(Object::toString).sorted().toList());
    configuration.put("scopes_supported", SmartEndpoints.SCOPES_SUPPORTED);
    configuration.put(
        "capabilities",
        List.of("client-confidential-asymmetric", "permission-v1", "permission-v2"));
    // Required by the conformance page for every server; there is no authorization-code flow here
    // (grant_types_supported), so it promises nothing beyond that.
    configuration.put("code_challenge_methods_supported", List.of("S256"));
    response.setContentType("application/json;charset=UTF-8");
    json.writeValue(response.getOutputStream(), configuration);
  }
}
