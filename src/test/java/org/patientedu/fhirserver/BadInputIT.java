package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;

/**
 * Bad input gets a 4xx and an OperationOutcome that says what is wrong; never a stack trace or a
 * 500, and nothing is stored. Writes here carry the editor credential, so it is the input itself
 * that is refused.
 */
class BadInputIT extends RunningServerTest {

  private int basicsBefore;

  @Test
  void malformedJsonIsRefused() {
    assertRefusedAndNothingStored(
        post("application/fhir+json", "{\"resourceType\":\"Basic\", oops"),
        400,
        "Failed to parse JSON");
  }

  @Test
  void malformedXmlIsRefused() {
    assertRefusedAndNothingStored(
        post("application/fhir+xml", "<Basic xmlns=\"http://hl7.org/fhir\"><code>"),
        400,
        "Failed to parse XML");
  }

  @Test
  void unknownElementsAreRefusedNotSilentlyDropped() {
    assertRefusedAndNothingStored(
        post("application/fhir+json", "{\"resourceType\":\"Basic\",\"colour\":\"red\"}"),
        400,
        "colour");
  }

  @Test
  void xmlWithADoctypeIsRefused() {
    String doctype =
        "<?xml version=\"1.0\"?><!DOCTYPE Basic [<!ELEMENT Basic ANY>]>"
            + "<Basic xmlns=\"http://hl7.org/fhir\"><code><text value=\"x\"/></code></Basic>";
    assertRefusedAndNothingStored(post("application/fhir+xml", doctype), 400, "DOCTYPE");
  }

  @Test
  void xmlWithAnExternalEntityIsRefused() {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE Basic [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
            + "<Basic xmlns=\"http://hl7.org/fhir\"><code><text value=\"&xxe;\"/></code></Basic>";
    HttpResponse<String> response = post("application/fhir+xml", xxe);
    assertRefusedAndNothingStored(response, 400, "DOCTYPE");
    assertThat(response.body()).doesNotContain("root:");
  }

  @Test
  void oversizedBodiesAreRefusedWith413() {
    String huge =
        "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"" + "x".repeat(11 * 1024 * 1024) + "\"}}";
    assertRefusedAndNothingStored(
        post("application/fhir+json", huge), 413, "larger than this server accepts");
  }

  @Test
  void unknownResourceTypesAreRefused() {
    HttpResponse<String> response = get("/fhir/Prescription?code=x");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(diagnostics(response))
        .startsWith("HAPI-0302: Unknown resource type 'Prescription' - Server knows how to handle:")
        .contains("Library", "DocumentReference");
  }

  @Test
  void unknownSearchParametersAreRefused() {
    HttpResponse<String> response = get("/fhir/Library?colour=red");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("Unknown search parameter \"colour\"");
  }

  @Test
  void malformedSearchValuesAreRefused() {
    HttpResponse<String> response = get("/fhir/Library?date=notadate");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(diagnostics(response)).contains("notadate");
  }

  @Test
  void errorsNeverCarryAStackTrace() {
    HttpResponse<String> response = post("application/fhir+json", "[1,2,3]");
    assertRefusedAndNothingStored(response, 400, "Failed to parse JSON encoded FHIR content");
    assertThat(response.body()).doesNotContain("\tat ").doesNotContain("Exception:");
  }

  private HttpResponse<String> post(String contentType, String body) {
    basicsBefore = basicCount();
    return send(
        HttpRequest.newBuilder(URI.create(fhirBase() + "/Basic"))
            .header("Content-Type", contentType)
            .header("Authorization", "Bearer " + EDITOR_TOKEN)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private void assertRefusedAndNothingStored(
      HttpResponse<String> response, int status, String message) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("fhir"));
    assertThat(diagnostics(response)).contains(message);
    assertThat(basicCount())
        .as("Basic resources after the refused request")
        .isEqualTo(basicsBefore);
  }

  private int basicCount() {
    return anonymousClient()
        .search()
        .byUrl("Basic?_summary=count")
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }

  private static String diagnostics(HttpResponse<String> response) {
    OperationOutcome outcome =
        response.body().startsWith("<")
            ? fhirContext().newXmlParser().parseResource(OperationOutcome.class, response.body())
            : fhirContext().newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).hasSize(1);
    assertThat(outcome.getIssueFirstRep().getSeverity())
        .isEqualTo(OperationOutcome.IssueSeverity.ERROR);
    return outcome.getIssueFirstRep().getDiagnostics();
  }
}
