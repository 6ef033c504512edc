package org.patientedu.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.HookCalls;
import org.patientedu.testing.RunningServerTest;

/**
 * The shared test server, whose operator has not set {@code edu.handouts.public-base-url}: its
 * cards could only link to the address a request came in on, which is no address for an EHR to
 * store, so every hook call is answered 503 in the CDS Hooks error format, after the call's
 * credentials are checked. The development setting {@code edu.cds-hooks.allow-unsigned=true} lets a
 * call without a JWT that far, but never one with a JWT that does not verify.
 */
class CdsHooksWithoutPublicAddressIT extends RunningServerTest {

  private static final String SERVICE = "patient-education-patient-view";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anUnsignedCallIsLetInAndAnswered503WithoutLinks() throws Exception {
    HttpResponse<String> response = call(HookCalls.PATIENT_VIEW_LACTATION, null);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(JSON.readTree(response.body()).get("error").asText())
        .isEqualTo(
            "This server has no public address (edu.handouts.public-base-url is not set), so its"
                + " cards cannot link to handouts; ask its operator to set it");
    assertThat(JSON.readTree(response.body()).has("cards")).isFalse();
    assertThat(response.body()).doesNotContain("/handouts/", "localhost");

    // the services are still listed, and a malformed call is still told what to fix
    HttpResponse<String> discovery = get("/cds-services");
    assertThat(discovery.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(discovery.body()).get("services")).hasSize(4);
    HttpResponse<String> malformed = call("[]", null);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(malformed.body()).get("error").asText())
        .isEqualTo("The request body must be a JSON object");
  }

  @Test
  void allowUnsignedNeverAcceptsAJwtThatDoesNotVerify() throws Exception {
    HttpResponse<String> response =
        call(HookCalls.PATIENT_VIEW_LACTATION, "eyJhbGciOiJub25lIn0.e30.");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(JSON.readTree(response.body()).get("error").asText())
        .isEqualTo("The bearer token is not a signed JWT");
  }

  private HttpResponse<String> call(String body, String jwt) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl() + "/cds-services/" + SERVICE))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (jwt != null) {
      request.header("Authorization", "Bearer " + jwt);
    }
    return send(request);
  }
}
