package org.patientedu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.PatientRecords;
import org.patientedu.testing.PatientRecords.Chart;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;

/**
 * Each protected request three times: without a token (401, a Bearer challenge, an
 * OperationOutcome), with a real token that lacks the scope (403, an OperationOutcome), with the
 * right scope (done). And what stays public.
 */
class ScopeEnforcementIT extends RunningServerTest {

  private static final String LIBRARY = "scope-matrix-library";
  private static final String LACKING = "system/Binary.rs";

  private Chart chart;

  @BeforeEach
  void storeALibraryAndAChart() {
    editorClient().update().resource(library(LIBRARY, "draft")).execute();
    editorClient().update().resource(TestLibraries.catalogDocument(LIBRARY)).execute();
    chart = PatientRecords.storeChart(smartClient(PatientRecords.CHART_WRITER_SCOPES));
  }

  /** A protected request and the scope that allows it. */
  private record Protected(String name, String scope, HttpRequest.Builder request, int done) {}

  private List<Protected> protectedRequests() {
    return List.of(
        new Protected(
            "create a Library",
            "system/Library.c",
            json("POST", "/fhir/Library", libraryJson("scope-matrix-new", "draft")),
            201),
        new Protected(
            "update a Library",
            "system/Library.u",
            json("PUT", "/fhir/Library/" + LIBRARY, libraryJson(LIBRARY, "draft")),
            200),
        new Protected(
            "$review a Library",
            "system/Library.u",
            json(
                "POST",
                "/fhir/Library/" + LIBRARY + "/$review",
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"reviewerName\","
                    + "\"valueString\":\"Maria Lopez\"}]}"),
            200),
        new Protected(
            "record education given (create a patient DocumentReference)",
            "system/DocumentReference.c",
            json("POST", "/fhir/DocumentReference", givenJson(chart.patient())),
            201),
        new Protected(
            "record education given (create a Procedure)",
            "system/Procedure.c",
            json("POST", "/fhir/Procedure", procedureJson(chart.patient())),
            201),
        new Protected(
            "read a patient record",
            "system/DocumentReference.r",
            request("GET", "/fhir/" + chart.documentReference()),
            200),
        new Protected(
            "search Procedures", "system/Procedure.s", request("GET", "/fhir/Procedure"), 200),
        new Protected(
            "read a Patient", "system/Patient.r", request("GET", "/fhir/" + chart.patient()), 200),
        new Protected(
            "search AuditEvents", "system/AuditEvent.rs", request("GET", "/fhir/AuditEvent"), 200),
        new Protected(
            "search Provenance", "system/AuditEvent.rs", request("GET", "/fhir/Provenance"), 200),
        new Protected(
            "a transaction that creates a Library",
            "system/Library.c",
            json(
                "POST",
                "/fhir",
                "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
                    + libraryJson(null, "draft")
                    + ",\"request\":{\"method\":\"POST\",\"url\":\"Library\"}}]}"),
            200),
        new Protected(
            "delete a Library",
            "system/Library.d",
            request("DELETE", "/fhir/Library/" + LIBRARY),
            200));
  }

  @Test
  void withoutATokenEachProtectedRequestIs401WithAChallenge() {
    for (Protected call : protectedRequests()) {
      HttpResponse<String> response = send(call.request());
      assertThat(response.statusCode()).as(call.name()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .as(call.name())
          .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
      assertThat(diagnostics(response)).as(call.name()).contains("needs a bearer token");
    }
  }

  @Test
  void withATokenLackingTheScopeEachProtectedRequestIs403() {
    String token = smartToken(LACKING);
    for (Protected call : protectedRequests()) {
      HttpResponse<String> response =
          send(call.request().header("Authorization", "Bearer " + token));
      assertThat(response.statusCode()).as(call.name()).isEqualTo(403);
      assertThat(diagnostics(response))
          .as(call.name())
          .contains("not allowed by the token's scopes")
          .contains(LACKING);
    }
  }

  @Test
  void withTheRightScopeEachProtectedRequestIsDone() {
    for (Protected call : protectedRequests()) {
      HttpResponse<String> response =
          send(call.request().header("Authorization", "Bearer " + smartToken(call.scope())));
      assertThat(response.statusCode())
          .as(call.name() + ": " + response.body())
          .isEqualTo(call.done());
    }
  }

  @Test
  void aBadTokenIsRefusedEvenWhereNoTokenIsNeeded() {
    HttpResponse<String> response =
        send(
            request("GET", "/fhir/Library/oxytocin-healthwise")
                .header("Authorization", "Bearer not.a.token"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).contains("invalid_token"));
    assertThat(diagnostics(response)).contains("was not accepted");
  }

  @Test
  void maintenanceAndMetaOperationsAreRefusedWhateverTheScopes() {
    String everything = smartToken("system/Library.cruds system/DocumentReference.cruds");
    for (HttpRequest.Builder call :
        List.of(
            json(
                "POST",
                "/fhir/Library/" + LIBRARY + "/$expunge",
                "{\"resourceType\":\"Parameters\"}"),
            json(
                "POST",
                "/fhir/Library/" + LIBRARY + "/$meta-add",
                "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"meta\",\"valueMeta\":"
                    + "{\"tag\":[{\"system\":\"urn:x\",\"code\":\"y\"}]}}]}"),
            request("GET", "/fhir/" + chart.documentReference() + "/$meta"))) {
      HttpResponse<String> response = send(call.header("Authorization", "Bearer " + everything));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
      assertThat(diagnostics(response)).contains("not allowed by the token's scopes");
    }
  }

  @Test
  void otherResourceTypesNeedTheirOwnScope() {
    String editor = smartToken("system/Library.cruds");
    HttpResponse<String> response =
        send(
            json("POST", "/fhir/Basic", "{\"resourceType\":\"Basic\",\"code\":{\"text\":\"x\"}}")
                .header("Authorization", "Bearer " + editor));
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void aTransactionIsCheckedEntryByEntry() {
    String libraryOnly = smartToken("system/Library.c");
    HttpResponse<String> response =
        send(
            json(
                    "POST",
                    "/fhir",
                    "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":["
                        + "{\"resource\":"
                        + libraryJson(null, "draft")
                        + ",\"request\":{\"method\":\"POST\",\"url\":\"Library\"}},"
                        + "{\"request\":{\"method\":\"DELETE\",\"url\":\"Library/"
                        + LIBRARY
                        + "\"}}]}")
                .header("Authorization", "Bearer " + libraryOnly));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(get("/fhir/Library/" + LIBRARY).statusCode())
        .as("nothing of the refused transaction happened")
        .isEqualTo(200);
  }

  @Test
  void theCatalogIsPublicToRead() {
    for (String path :
        List.of(
            "/fhir/metadata",
            "/fhir/.well-known/smart-configuration",
            "/fhir/Library/oxytocin-healthwise",
            "/fhir/Library?context=http://snomed.info/sct%7C413712001",
            "/fhir/Library?_content=prolactin",
            "/fhir/DocumentReference/oxytocin-healthwise",
            "/fhir/DocumentReference?_content=prolactin",
            "/fhir/Binary/oxytocin-healthwise-html",
            "/fhir/Library/oxytocin-healthwise/_history",
            "/fhir/$review-report",
            "/handouts/oxytocin-healthwise",
            "/",
            "/ig/")) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(200);
    }
    HttpResponse<String> postSearch =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Library/_search"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_content=prolactin")));
    assertThat(postSearch.statusCode()).isEqualTo(200);
  }

  @Test
  void theDevelopmentEditorTokenStillWorksButNotForTheAuditTrail() {
    HttpResponse<String> write =
        send(
            json("PUT", "/fhir/Library/" + LIBRARY, libraryJson(LIBRARY, "draft"))
                .header("Authorization", "Bearer " + EDITOR_TOKEN));
    assertThat(write.statusCode()).isEqualTo(200);
    HttpResponse<String> audit =
        send(request("GET", "/fhir/AuditEvent").header("Authorization", "Bearer " + EDITOR_TOKEN));
    assertThat(audit.statusCode()).isEqualTo(403);
  }

  private HttpRequest.Builder request(String method, String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .method(method, HttpRequest.BodyPublishers.noBody());
  }

  private HttpRequest.Builder json(String method, String path, String body) {
    return HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Content-Type", "application/fhir+json")
        .method(method, HttpRequest.BodyPublishers.ofString(body));
  }

  private static String diagnostics(HttpResponse<String> response) {
    return fhirContext()
        .newJsonParser()
        .parseResource(OperationOutcome.class, response.body())
        .getIssueFirstRep()
        .getDiagnostics();
  }

  private static org.hl7.fhir.r4.model.Library library(String id, String status) {
    return (org.hl7.fhir.r4.model.Library)
        fhirContext().newJsonParser().parseResource(libraryJson(id, status));
  }

  private static String libraryJson(String id, String status) {
    return "{\"resourceType\":\"Library\","
        + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"name\":\"ScopeMatrix\",\"status\":\""
        + status
        + "\",\"type\":{\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/library-type\","
        + "\"code\":\"asset-collection\"}]}}";
  }

  private static String givenJson(String patient) {
    return "{\"resourceType\":\"DocumentReference\",\"status\":\"current\","
        + "\"category\":[{\"coding\":[{\"system\":\"http://fhir.patientedu.org/CodeSystem/document-category\","
        + "\"code\":\"patient-education\"}]}],\"subject\":{\"reference\":\""
        + patient
        + "\"},\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"title\":\"handout\"}}]}";
  }

  private static String procedureJson(String patient) {
    return "{\"resourceType\":\"Procedure\",\"status\":\"completed\",\"code\":{\"coding\":[{"
        + "\"system\":\"http://snomed.info/sct\",\"code\":\"311401005\"}]},\"subject\":{\"reference\":\""
        + patient
        + "\"}}";
  }
}
