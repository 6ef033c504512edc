package org.patientedu.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.testing.RunningServerTest;

/**
 * Issue 9, item 8: the lifecycle rules hold for every write path, not only the operations. The rule
 * (README, "Review currency and the lifecycle"): a page is in use (Library active,
 * DocumentReference final) only once a named clinician reviewed it, through $review then $approve,
 * or when its source names its medical reviewers. Each refused write gets 422 with an
 * OperationOutcome naming the rule, and changes nothing.
 */
class LifecycleRulesIT extends RunningServerTest {

  private static final String FHIR_JSON = "application/fhir+json";

  @Test
  void aPutThatMakesANeverReviewedPageActiveIsRefused() {
    String id = copyOfSeed("oxytocin-noigroup", "rules-put-noigroup");
    Library active = library(id).setStatus(PublicationStatus.ACTIVE);
    HttpResponse<String> response =
        write(
            "PUT", "/Library/" + id, fhirContext().newJsonParser().encodeResourceToString(active));
    assertRefused(response, "in-use-needs-clinician-review");
    assertUnchanged(id);
  }

  @Test
  void aPatchThatMakesAPageActiveIsRefused() {
    String id = copyOfSeed("oxytocin-perexp", "rules-patch-perexp");
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(fhirBase() + "/Library/" + id))
                .header("Authorization", "Bearer " + EDITOR_TOKEN)
                .header("Content-Type", "application/json-patch+json")
                .method(
                    "PATCH",
                    HttpRequest.BodyPublishers.ofString(
                        "[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"active\"}]")));
    assertRefused(response, "in-use-needs-clinician-review");
    assertUnchanged(id);
  }

  @Test
  void aTransactionEntryThatMakesAPageActiveIsRefusedWhole() {
    String id = copyOfSeed("oxytocin-loveandlife", "rules-transaction-loveandlife");
    Library active = library(id).setStatus(PublicationStatus.ACTIVE);
    Bundle transaction = new Bundle().setType(BundleType.TRANSACTION);
    transaction
        .addEntry()
        .setResource(active)
        .getRequest()
        .setMethod(HTTPVerb.PUT)
        .setUrl("Library/" + id);
    DocumentReference document = document(id).setDescription("Changed in the same transaction");
    transaction
        .addEntry()
        .setResource(document)
        .getRequest()
        .setMethod(HTTPVerb.PUT)
        .setUrl("DocumentReference/" + id);
    HttpResponse<String> response =
        write("POST", "", fhirContext().newJsonParser().encodeResourceToString(transaction));
    assertRefused(response, "in-use-needs-clinician-review");
    assertUnchanged(id);
    assertThat(version(document(id))).isEqualTo(1);
  }

  @Test
  void aConditionalUpdateThatMakesAPageActiveIsRefused() {
    String id = copyOfSeed("oxytocin-noigroup", "rules-conditional-noigroup");
    Library active = library(id).setStatus(PublicationStatus.ACTIVE);
    active.setIdElement(null);
    HttpResponse<String> response =
        write(
            "PUT",
            "/Library?url=" + PackTerminology.libraryUrl(id),
            fhirContext().newJsonParser().encodeResourceToString(active));
    assertRefused(response, "in-use-needs-clinician-review");
    assertUnchanged(id);
  }

  @Test
  void namingAReviewerByPutDoesNotApprove() {
    // A reviewer and a review date written by hand: still not active without $approve
    String id = copyOfSeed("oxytocin-perexp", "rules-reviewer-by-put");
    Library reviewed = library(id);
    reviewed.setLastReviewDateElement(new DateType("2026-11-01"));
    reviewed.addReviewer().setName("Maria Lopez");
    assertThat(
            write(
                    "PUT",
                    "/Library/" + id,
                    fhirContext().newJsonParser().encodeResourceToString(reviewed))
                .statusCode())
        .isEqualTo(200);
    int version = version(library(id));
    Library active = library(id).setStatus(PublicationStatus.ACTIVE);
    assertRefused(
        write(
            "PUT", "/Library/" + id, fhirContext().newJsonParser().encodeResourceToString(active)),
        "in-use-only-through-approve");
    assertThat(version(library(id))).isEqualTo(version);
    Library approvedByHand = library(id);
    approvedByHand.setApprovalDateElement(new DateType("2026-11-02"));
    assertRefused(
        write(
            "PUT",
            "/Library/" + id,
            fhirContext().newJsonParser().encodeResourceToString(approvedByHand)),
        "approval-date-only-from-approve");
    assertThat(version(library(id))).isEqualTo(version);
  }

  @Test
  void aDocumentMadeFinalByHandIsRefused() {
    String id = copyOfSeed("oxytocin-noigroup", "rules-final-noigroup");
    DocumentReference finalDocument =
        document(id).setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
    assertRefused(
        write(
            "PUT",
            "/DocumentReference/" + id,
            fhirContext().newJsonParser().encodeResourceToString(finalDocument)),
        "in-use-needs-clinician-review");
    assertThat(document(id).getDocStatus())
        .isEqualTo(DocumentReference.ReferredDocumentStatus.PRELIMINARY);
  }

  @Test
  void aPublisherReviewIsNotEnoughToApprove() {
    // Go Ask Alice's own "Last reviewed on" names no clinician
    String id = copyOfSeed("oxytocin-goaskalice", "rules-approve-goaskalice");
    HttpResponse<String> response =
        write("POST", "/Library/" + id + "/$approve", "{\"resourceType\":\"Parameters\"}");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(diagnostics(response))
        .contains("reviewed by its publisher only; no clinician is named");
    assertUnchanged(id);
  }

  private void assertRefused(HttpResponse<String> response, String rule) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(diagnostics(response)).contains("Lifecycle rule '" + rule + "'");
  }

  private static String diagnostics(HttpResponse<String> response) {
    OperationOutcome outcome =
        fhirContext().newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).isNotEmpty();
    return String.join(" ", outcome.getIssue().stream().map(i -> i.getDiagnostics()).toList());
  }

  private void assertUnchanged(String id) {
    Library library = library(id);
    assertThat(version(library)).isEqualTo(1);
    assertThat(library.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(library.hasApprovalDate()).isFalse();
  }

  private HttpResponse<String> write(String method, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(fhirBase() + path))
            .header("Authorization", "Bearer " + EDITOR_TOKEN)
            .header("Content-Type", FHIR_JSON)
            .header("Accept", FHIR_JSON)
            .method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Stores a copy of a seed page (Library and DocumentReference) under a new id, as version 1. */
  private String copyOfSeed(String seedId, String newId) {
    Library library = library(seedId);
    library.setId(newId);
    library.setUrl(PackTerminology.libraryUrl(newId));
    library.setMeta(null);
    editorClient().update().resource(library).execute();
    DocumentReference document = document(seedId);
    document.setId(newId);
    document.setMeta(null);
    document.getIdentifier().clear();
    document.getContext().getRelated().clear();
    document.getContext().addRelated(new Reference("Library/" + newId));
    editorClient().update().resource(document).execute();
    assertThat(library(newId).getStatus()).isEqualTo(PublicationStatus.DRAFT);
    return newId;
  }

  private Library library(String id) {
    return anonymousClient().read().resource(Library.class).withId(id).execute();
  }

  private DocumentReference document(String id) {
    return anonymousClient().read().resource(DocumentReference.class).withId(id).execute();
  }

  private static int version(org.hl7.fhir.r4.model.Resource resource) {
    return Integer.parseInt(resource.getIdElement().getVersionIdPart());
  }
}
