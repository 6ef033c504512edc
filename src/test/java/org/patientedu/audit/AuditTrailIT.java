package org.patientedu.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.PatientRecords;
import org.patientedu.testing.PatientRecords.Chart;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.SmartTestClients;
import org.patientedu.testing.TestLibraries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every audited action leaves an AuditEvent in the FHIR store, naming the SMART client (and the
 * patient, where there is one); the trail is readable only with {@code system/AuditEvent.rs}.
 */
class AuditTrailIT extends RunningServerTest {

  private static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";

  @Autowired MeterRegistry meters;

  @Test
  void aWriteLeavesACreateEventNamingTheClient() {
    Instant start = Instant.now();
    String id =
        smartClient("system/Library.c")
            .create()
            .resource(library("Audited write"))
            .execute()
            .getId()
            .getIdPart();

    AuditEvent created =
        single(
            since(start),
            event ->
                profile(event, BALP + "IHE.BasicAudit.Create")
                    && entityReferences(event).stream().anyMatch(refersTo("Library/" + id)));
    assertThat(created.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
    assertThat(created.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
    assertThat(clientIds(created)).contains(SmartTestClients.EDITOR);
  }

  @Test
  void everyEntryOfATransactionLeavesItsCreateEvent() {
    Instant start = Instant.now();
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    for (String title : List.of("Audited entry one", "Audited entry two", "Audited entry three")) {
      transaction
          .addEntry()
          .setResource(library(title))
          .getRequest()
          .setMethod(Bundle.HTTPVerb.POST)
          .setUrl("Library");
    }
    List<String> ids =
        smartClient("system/Library.c")
            .transaction()
            .withBundle(transaction)
            .execute()
            .getEntry()
            .stream()
            .map(entry -> entry.getResponse().getLocation())
            .map(location -> location.substring(0, location.indexOf("/_history")))
            .toList();
    assertThat(ids).hasSize(3);

    List<AuditEvent> events = since(start);
    for (String id : ids) {
      AuditEvent created =
          single(
              events,
              event ->
                  profile(event, BALP + "IHE.BasicAudit.Create")
                      && entityReferences(event).stream().anyMatch(refersTo(id)));
      assertThat(clientIds(created)).contains(SmartTestClients.EDITOR);
    }
  }

  @Test
  void recordingAndReadingAPatientsChartLeavesPatientEvents() {
    Instant start = Instant.now();
    Chart chart = PatientRecords.storeChart(smartClient(PatientRecords.CHART_WRITER_SCOPES));
    List<AuditEvent> afterRecording = since(start);
    assertThat(afterRecording)
        .filteredOn(event -> profile(event, BALP + "IHE.BasicAudit.PatientCreate"))
        .as(
            "the Patient, the Encounter, the DocumentReference and the Procedure, each with the patient")
        .hasSize(4)
        .allSatisfy(
            event ->
                assertThat(patients(event)).singleElement().matches(refersTo(chart.patient())));

    Instant readStart = Instant.now();
    smartClient("system/DocumentReference.r")
        .read()
        .resource(DocumentReference.class)
        .withId(chart.documentReference())
        .execute();
    AuditEvent read =
        single(since(readStart), event -> profile(event, BALP + "IHE.BasicAudit.PatientRead"));
    assertThat(patients(read)).singleElement().matches(refersTo(chart.patient()));
    assertThat(entityReferences(read)).anyMatch(r -> r.contains(chart.documentReference()));
    assertThat(clientIds(read)).contains(SmartTestClients.EDITOR);

    Instant searchStart = Instant.now();
    smartClient("system/Procedure.s")
        .search()
        .byUrl("Procedure?subject=" + chart.patient())
        .returnBundle(Bundle.class)
        .execute();
    AuditEvent query =
        single(
            since(searchStart),
            event ->
                profile(event, BALP + "IHE.BasicAudit.PatientQuery")
                    && event.getEntity().stream()
                        .anyMatch(
                            entity ->
                                entity.hasDescription()
                                    && entity.getDescription().contains("/Procedure?subject=")));
    assertThat(patients(query)).singleElement().matches(refersTo(chart.patient()));
  }

  @Test
  void anOperationIsAudited() {
    String id = "audited-operation";
    Library page = library("Audited operation");
    page.setId(id);
    editorClient().update().resource(page).execute();
    // The lifecycle carries the review to the DocumentReference of the same id.
    editorClient().update().resource(TestLibraries.catalogDocument(id)).execute();
    Instant start = Instant.now();
    smartClient("system/Library.u")
        .operation()
        .onInstance("Library/" + id)
        .named("$review")
        .withParameters(
            new Parameters().addParameter("reviewerName", new StringType("Maria Lopez")))
        .execute();
    AuditEvent operation =
        single(
            since(start),
            event ->
                event.getSubtypeFirstRep().getCode() != null
                    && event.getSubtypeFirstRep().getCode().equals("operation"));
    assertThat(operation.getAction()).isEqualTo(AuditEvent.AuditEventAction.E);
    assertThat(operation.getEntityFirstRep().getDescription())
        .isEqualTo("$review on Library/" + id);
    assertThat(clientIds(operation)).contains(SmartTestClients.EDITOR);
  }

  @Test
  void refusedRequestsAreAudited() {
    Instant start = Instant.now();
    assertThatThrownBy(() -> anonymousClient().create().resource(library("refused")).execute())
        .isInstanceOf(AuthenticationException.class);
    assertThatThrownBy(
            () -> smartClient("system/Binary.rs").create().resource(library("refused")).execute())
        .isInstanceOf(ForbiddenOperationException.class);

    List<AuditEvent> refusals =
        since(start).stream()
            .filter(event -> event.getOutcome() == AuditEvent.AuditEventOutcome._4)
            .filter(event -> event.getType().getCode().equals("rest"))
            .toList();
    assertThat(refusals).hasSize(2);
    assertThat(refusals)
        .extracting(AuditEvent::getOutcomeDesc)
        .containsExactlyInAnyOrder(
            "401: no valid credential", "403: the token's scopes do not allow it");
    assertThat(refusals)
        .allSatisfy(
            event ->
                assertThat(event.getEntityFirstRep().getDescription())
                    .isEqualTo("POST /fhir/Library"));
    assertThat(refusals.stream().flatMap(event -> clientIds(event).stream()))
        .containsExactly(SmartTestClients.EDITOR);
  }

  @Test
  void tokenRequestsAreAudited() {
    Instant start = Instant.now();
    smartToken("system/Binary.rs system/Library.rs"); // a scope no other test asks for
    AuditEvent issued =
        single(
            since(start),
            event ->
                event.getType().getCode().equals("110114")
                    && event.getOutcome() == AuditEvent.AuditEventOutcome._0
                    && event
                        .getEntityFirstRep()
                        .getDescription()
                        .contains("scope=system/Binary.rs system/Library.rs "));
    assertThat(clientIds(issued)).containsExactly(SmartTestClients.EDITOR);
    assertThat(issued.getEntityFirstRep().getDescription())
        .isEqualTo(
            "POST /oauth2/token scope=system/Binary.rs system/Library.rs -> HTTP 200 (token issued)");
  }

  @Test
  void catalogReadsAreCountedNotStored() {
    double before = catalogReads("search-type", "Library");
    Instant start = Instant.now();
    anonymousClient()
        .search()
        .byUrl("Library?_id=oxytocin-healthwise")
        .returnBundle(Bundle.class)
        .execute();
    assertThat(catalogReads("search-type", "Library")).isEqualTo(before + 1);
    assertThat(since(start))
        .as("no AuditEvent for the public search (the audit search itself is recorded)")
        .noneMatch(
            event ->
                event.getEntity().stream()
                    .anyMatch(
                        entity ->
                            entity.hasDescription()
                                && entity
                                    .getDescription()
                                    .contains("Library?_id=oxytocin-healthwise")));
  }

  @Test
  void theTrailIsReadableOnlyWithTheAuditScopeAndWritableByNobody() {
    assertThatThrownBy(
            () ->
                anonymousClient().search().byUrl("AuditEvent").returnBundle(Bundle.class).execute())
        .isInstanceOf(AuthenticationException.class);
    for (IGenericClient withoutAuditScope :
        List.of(
            editorClient(), smartClient("system/Library.cruds system/DocumentReference.cruds"))) {
      assertThatThrownBy(
              () ->
                  withoutAuditScope
                      .search()
                      .byUrl("AuditEvent")
                      .returnBundle(Bundle.class)
                      .execute())
          .isInstanceOf(ForbiddenOperationException.class);
    }
    IGenericClient auditor = smartClient("system/AuditEvent.rs");
    assertThat(
            auditor
                .search()
                .byUrl("AuditEvent?_count=1")
                .returnBundle(Bundle.class)
                .execute()
                .getEntry())
        .isNotEmpty();
    AuditEvent forged = new AuditEvent();
    forged.getType().setCode("rest");
    assertThatThrownBy(() -> auditor.create().resource(forged).execute())
        .isInstanceOf(ForbiddenOperationException.class);
  }

  private double catalogReads(String interaction, String type) {
    Counter counter =
        meters
            .find("edu.catalog.reads")
            .tag("interaction", interaction)
            .tag("type", type)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  /** Every AuditEvent recorded since {@code start}, read with the audit scope. */
  private List<AuditEvent> since(Instant start) {
    Bundle found =
        smartClient("system/AuditEvent.rs")
            .search()
            .byUrl("AuditEvent?date=ge" + start.minusSeconds(1) + "&_count=200")
            .returnBundle(Bundle.class)
            .execute();
    return found.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
  }

  private static AuditEvent single(List<AuditEvent> events, Predicate<AuditEvent> which) {
    List<AuditEvent> matching = events.stream().filter(which).toList();
    assertThat(matching)
        .as(
            "matching AuditEvents among "
                + events.stream()
                    .map(
                        e ->
                            e.getMeta().getProfile().stream().map(p -> p.getValue()).toList()
                                + " "
                                + e.getSubtypeFirstRep().getCode()
                                + " "
                                + e.getEntity().stream()
                                    .map(x -> x.getWhat().getReference() + "/" + x.getDescription())
                                    .toList())
                    .toList())
        .hasSize(1);
    return matching.get(0);
  }

  /** An absolute reference to {@code id} ("Patient/12"), with or without its version. */
  private static Predicate<String> refersTo(String id) {
    return reference ->
        reference.equals(id)
            || reference.endsWith("/" + id)
            || reference.startsWith(id + "/_history/")
            || reference.contains("/" + id + "/_history/");
  }

  private static boolean profile(AuditEvent event, String url) {
    return event.getMeta().hasProfile(url);
  }

  private static List<String> entityReferences(AuditEvent event) {
    return event.getEntity().stream()
        .filter(entity -> entity.getWhat().hasReference())
        .map(entity -> entity.getWhat().getReference())
        .toList();
  }

  private static List<String> patients(AuditEvent event) {
    return event.getEntity().stream()
        .filter(entity -> "1".equals(entity.getRole().getCode()))
        .map(entity -> entity.getWhat().getReference())
        .toList();
  }

  private static List<String> clientIds(AuditEvent event) {
    return event.getAgent().stream()
        .filter(agent -> agent.getWho().hasIdentifier())
        .map(agent -> agent.getWho().getIdentifier().getValue())
        .distinct()
        .toList();
  }

  private static Library library(String description) {
    Library library = new Library();
    library.setName("Audited");
    library.setStatus(PublicationStatus.DRAFT);
    library.setType(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/library-type", "asset-collection", null)));
    library.setDescription(description);
    return library;
  }
}
