package org.patientedu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;

/** What a browser needs to be safe with this server: CORS by allow-list, and its headers. */
class BrowserHardeningIT extends RunningServerTest {

  @Test
  void aPreflightFromAnAllowedOriginIsAnswered() {
    HttpResponse<String> response = preflight(EHR_ORIGIN);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EHR_ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValueSatisfying(methods -> assertThat(methods).contains("PUT"));
    assertThat(response.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(headers -> assertThat(headers.toLowerCase()).contains("authorization"));
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void aPreflightFromAnyOtherOriginIsRefused() {
    HttpResponse<String> response = preflight("https://evil.example");
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void anAllowedOriginSeesTheAnswerAndItsHeaders() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Library/oxytocin-healthwise"))
                .header("Origin", EHR_ORIGIN));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(EHR_ORIGIN);
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValueSatisfying(exposed -> assertThat(exposed).contains("ETag", "Location"));
  }

  @Test
  void fhirAnswersAreNotSniffedAndDoNotNameTheSoftware() {
    for (String path :
        List.of(
            "/fhir/Library/oxytocin-healthwise",
            "/fhir/Library/oxytocin-healthwise", // the second read comes from the read cache
            "/fhir/Library?_count=1",
            "/fhir/metadata",
            "/fhir/Patient")) {
      HttpResponse<String> response = get(path);
      assertThat(response.headers().allValues("X-Content-Type-Options"))
          .as(path)
          .containsExactly("nosniff");
      assertThat(response.headers().firstValue("X-Powered-By")).as(path).isEmpty();
    }
  }

  @Test
  void theGuideHasTheHandoutsSecurityHeaders() {
    for (String path : List.of("/ig/", "/ig/pages/loading", "/handouts/oxytocin-healthwise")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(
              policy ->
                  assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("X-Content-Type-Options"))
          .as(path)
          .hasValue("nosniff");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
    }
  }

  private HttpResponse<String> preflight(String origin) {
    return send(
        HttpRequest.newBuilder(URI.create(fhirBase() + "/Library/oxytocin-healthwise"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "PUT")
            .header("Access-Control-Request-Headers", "authorization, content-type")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
  }
}
