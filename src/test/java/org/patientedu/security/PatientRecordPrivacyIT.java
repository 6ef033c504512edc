package org.patientedu.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.http.HttpResponse;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.fhirserver.readcache.EncodedReadCacheFilter;
import org.patientedu.testing.PatientRecords;
import org.patientedu.testing.PatientRecords.Chart;
import org.patientedu.testing.RunningServerTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patient's chart (the education-given DocumentReference, its Procedure, the Patient and the
 * Encounter) is never shown to an anonymous caller, however it asks: read, search, full text,
 * {@code _revinclude}, history, counts, chains, the read cache.
 */
class PatientRecordPrivacyIT extends RunningServerTest {

  @Autowired EncodedReadCacheFilter readCache;

  private Chart chart;

  @BeforeEach
  void storeAChart() {
    chart = PatientRecords.storeChart(smartClient(PatientRecords.CHART_WRITER_SCOPES));
  }

  @Test
  void theTokenHolderSeesTheRecord() {
    DocumentReference given =
        smartClient("system/DocumentReference.rs")
            .read()
            .resource(DocumentReference.class)
            .withId(chart.documentReference())
            .execute();
    assertThat(given.getSubject().getReference()).isEqualTo(chart.patient());
    assertThat(
            searchIds(
                smartClient("system/DocumentReference.rs"),
                "DocumentReference?_content=" + PatientRecords.PRIVATE_WORD))
        .contains(chart.documentReference());
  }

  @Test
  void anonymousReadsOfTheChartAre401() {
    for (String path :
        List.of(
            chart.documentReference(),
            chart.procedure(),
            chart.patient(),
            chart.encounter(),
            chart.documentReference() + "/_history",
            chart.documentReference() + "/_history/1",
            "DocumentReference/_history",
            "_history",
            "Procedure?subject=" + chart.patient(),
            "Patient",
            "Encounter")) {
      HttpResponse<String> response = get("/fhir/" + path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
      assertThat(response.body())
          .as(path)
          .doesNotContain("Rivera")
          .doesNotContain(PatientRecords.PRIVATE_WORD);
    }
  }

  @Test
  void anonymousSearchesNeverReturnTheRecord() {
    IGenericClient anonymous = anonymousClient();
    String id = chart.documentReference();
    for (String search :
        List.of(
            "DocumentReference?_id=" + id.substring(id.indexOf('/') + 1),
            "DocumentReference?_content=" + PatientRecords.PRIVATE_WORD,
            "DocumentReference?category=http://fhir.patientedu.org/CodeSystem/document-category|patient-education",
            "DocumentReference?subject:missing=false",
            "Library?_id=oxytocin-healthwise&_revinclude=DocumentReference:related",
            "Library?_id=oxytocin-healthwise&_revinclude=*")) {
      List<String> found = searchIds(anonymous, search);
      assertThat(found).as(search).doesNotContain(id, chart.procedure(), chart.patient());
    }
    assertThat(
            searchIds(
                anonymous, "Library?_id=oxytocin-healthwise&_revinclude=DocumentReference:related"))
        .as("the catalog's own DocumentReference is still included")
        .contains("Library/oxytocin-healthwise", "DocumentReference/oxytocin-healthwise");
    assertThat(searchIds(anonymous, "DocumentReference?_content=oxytocin"))
        .as("public full text still works")
        .contains("DocumentReference/oxytocin-healthwise");
  }

  @Test
  void anonymousCountsDoNotCountTheRecord() {
    int before = count("DocumentReference?_summary=count");
    PatientRecords.storeChart(smartClient(PatientRecords.CHART_WRITER_SCOPES));
    assertThat(count("DocumentReference?_summary=count")).isEqualTo(before);
    assertThat(count("DocumentReference?_summary=count&subject:missing=false")).isZero();
  }

  /**
   * Catalog category and no subject, but tied to an encounter: not catalog material. An anonymous
   * search neither shows it nor counts it (the query itself leaves it out).
   */
  @Test
  void aCatalogLookingDocumentTiedToAnEncounterIsNeitherShownNorCounted() {
    String category =
        "category=http://fhir.patientedu.org/CodeSystem/document-category|patient-education";
    int before = count("DocumentReference?_summary=count&" + category);
    DocumentReference note = new DocumentReference();
    note.setStatus(DocumentReferenceStatus.CURRENT);
    note.addCategory()
        .addCoding()
        .setSystem(PackTerminology.DOCUMENT_CATEGORY_SYSTEM)
        .setCode(PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION);
    note.setDescription("Ward note, " + PatientRecords.PRIVATE_WORD);
    note.getContext().addEncounter(new Reference(chart.encounter()));
    note.addContent().setAttachment(new Attachment().setContentType("text/plain"));
    String id =
        smartClient(PatientRecords.CHART_WRITER_SCOPES)
            .create()
            .resource(note)
            .execute()
            .getId()
            .toUnqualifiedVersionless()
            .getValue();

    assertThat(count("DocumentReference?_summary=count&" + category)).isEqualTo(before);
    // asked by its id, so the answer is not a first page that may end before it
    String byId = "DocumentReference?_id=" + id.substring(id.indexOf('/') + 1) + "&" + category;
    assertThat(searchIds(anonymousClient(), byId)).isEmpty();
    assertThat(searchIds(smartClient("system/DocumentReference.rs"), byId))
        .as("a token holder finds it")
        .containsExactly(id);
  }

  @Test
  void anonymousChainsAndHasCannotAskAboutPatients() {
    for (String path :
        List.of(
            "/fhir/Library?_has:DocumentReference:related:subject=" + chart.patient(),
            "/fhir/DocumentReference?subject.name=Rivera")) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(401);
    }
  }

  @Test
  void theReadCacheNeverServesTheRecordToAnonymousCallers() {
    String path = "/fhir/" + chart.documentReference();
    String token = smartToken("system/DocumentReference.r");
    HttpResponse<String> asHolder =
        send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + token));
    assertThat(asHolder.statusCode()).isEqualTo(200);
    long hitsBefore = readCache.hits();
    HttpResponse<String> anonymous = get(path);
    HttpResponse<String> again = get(path);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.body()).doesNotContain(PatientRecords.PRIVATE_WORD);
    assertThat(readCache.hits()).as("nothing answered from the cache").isEqualTo(hitsBefore);

    // The cache still serves the catalog.
    get("/fhir/DocumentReference/oxytocin-healthwise");
    long catalogHits = readCache.hits();
    assertThat(get("/fhir/DocumentReference/oxytocin-healthwise").statusCode()).isEqualTo(200);
    assertThat(readCache.hits()).isEqualTo(catalogHits + 1);
  }

  private int count(String search) {
    return anonymousClient().search().byUrl(search).returnBundle(Bundle.class).execute().getTotal();
  }

  private static List<String> searchIds(IGenericClient client, String search) {
    return client.search().byUrl(search).returnBundle(Bundle.class).execute().getEntry().stream()
        .map(e -> e.getResource().getIdElement().toUnqualifiedVersionless().getValue())
        .toList();
  }
}
