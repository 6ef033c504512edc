package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.patientedu.testing.RunningServerTest;

/** The public may read; only a token with the right scope may change anything. */
class WriteProtectionIT extends RunningServerTest {

  private static final String ID = "write-protection-library";

  @BeforeEach
  void storeOneLibrary() {
    editorClient().update().resource(library("Stored by the editor")).execute();
  }

  @Test
  void anonymousWritesAreRefusedWith401AndChangeNothing() {
    IGenericClient anonymous = anonymousClient();
    String versionBefore = currentVersion();

    assertRefused(
        AuthenticationException.class,
        401,
        () -> anonymous.create().resource(library("new")).execute());
    assertRefused(
        AuthenticationException.class,
        401,
        () -> anonymous.update().resource(library("changed")).execute());
    assertRefused(
        AuthenticationException.class,
        401,
        () -> anonymous.delete().resourceById("Library", ID).execute());
    assertRefused(
        AuthenticationException.class,
        401,
        () -> anonymous.transaction().withBundle(deleteBundle()).execute());

    assertThat(currentVersion()).isEqualTo(versionBefore);
    assertThat(
            anonymousClient().read().resource(Library.class).withId(ID).execute().getDescription())
        .isEqualTo("Stored by the editor");
  }

  @Test
  void anUnknownCredentialIs401AndATokenWithoutTheScopeIs403() {
    IGenericClient intruder = clientWithToken("not-a-token-this-server-issued");
    IGenericClient reader = smartClient("system/Library.rs");
    String versionBefore = currentVersion();

    assertRefused(
        AuthenticationException.class,
        401,
        () -> intruder.update().resource(library("changed")).execute());
    assertRefused(
        ForbiddenOperationException.class,
        403,
        () -> reader.update().resource(library("changed")).execute());
    assertRefused(
        ForbiddenOperationException.class,
        403,
        () -> reader.delete().resourceById("Library", ID).execute());

    assertThat(currentVersion()).isEqualTo(versionBefore);
  }

  @Test
  void anUnauthenticatedAnswerIsAnOperationOutcomeWithAChallenge() {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Library/" + ID))
                .header("Content-Type", "application/fhir+json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        fhirContext().newJsonParser().encodeResourceToString(library("x")))));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
    OperationOutcome outcome =
        fhirContext().newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .contains("needs a bearer token")
        .contains("smart-configuration");
  }

  @Test
  void theEditorMayWrite() {
    String versionBefore = currentVersion();
    editorClient().update().resource(library("Changed by the editor")).execute();
    assertThat(Integer.parseInt(currentVersion())).isEqualTo(Integer.parseInt(versionBefore) + 1);
  }

  @Test
  void searchingByPostIsAReadAndNeedsNoCredential() {
    Bundle found =
        anonymousClient()
            .search()
            .forResource(Library.class)
            .where(Library.NAME.matches().value("WriteProtection"))
            .usingStyle(ca.uhn.fhir.rest.api.SearchStyleEnum.POST)
            .returnBundle(Bundle.class)
            .execute();
    assertThat(found.getTotal()).isEqualTo(1);
  }

  private String currentVersion() {
    return anonymousClient()
        .read()
        .resource(Library.class)
        .withId(ID)
        .execute()
        .getIdElement()
        .getVersionIdPart();
  }

  private static void assertRefused(
      Class<? extends BaseServerResponseException> type, int status, Executable call) {
    assertThatThrownBy(call::execute)
        .isInstanceOf(type)
        .satisfies(
            e -> assertThat(((BaseServerResponseException) e).getStatusCode()).isEqualTo(status))
        .satisfies(
            e -> assertThat(((BaseServerResponseException) e).getOperationOutcome()).isNotNull());
  }

  private static Bundle deleteBundle() {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    bundle.addEntry().getRequest().setMethod(Bundle.HTTPVerb.DELETE).setUrl("Library/" + ID);
    return bundle;
  }

  private static Library library(String description) {
    Library library = new Library();
    library.setId(ID);
    library.setName("WriteProtection");
    library.setStatus(PublicationStatus.DRAFT);
    library.setType(
        new CodeableConcept(
            new Coding()
                .setSystem("http://terminology.hl7.org/CodeSystem/library-type")
                .setCode("asset-collection")));
    library.setDescription(description);
    return library;
  }
}
