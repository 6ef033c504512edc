package org.patientedu.contentpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;

/**
 * The content pack as an EHR finds it: by clinical context code, by full text, and the renditions
 * fetched from Binary with their hashes checked. Only the five seed pages are looked at (other
 * tests store copies of them).
 */
class ContentPackIT extends RunningServerTest {

  @Test
  void servesEachPageUnderItsStableId() {
    Library healthwise =
        anonymousClient().read().resource(Library.class).withId("oxytocin-healthwise").execute();
    assertThat(healthwise.getUrl())
        .isEqualTo("http://fhir.patientedu.org/Library/oxytocin-healthwise");
    assertThat(healthwise.getReviewer())
        .extracting(ContactDetail::getName)
        .containsExactly("Sarah Marshall", "Adam Husney", "Kathleen Romito", "Kirtly Jones");
    assertThat(healthwise.getLastReviewDateElement().getValueAsString()).isEqualTo("2022-04-13");

    Library perexp =
        anonymousClient().read().resource(Library.class).withId("oxytocin-perexp").execute();
    assertThat(perexp.getAuthorFirstRep().getName()).isEqualTo("ChatGPT");
    assertThat(perexp.getStatus().toCode()).isEqualTo("draft");
    assertThat(perexp.hasReviewer()).isFalse();
  }

  @Test
  void findsPagesByLactationContextInSnomedAndIcd10() {
    assertThat(seedIds("Library?context=http://snomed.info/sct|413712001"))
        .containsExactlyInAnyOrder("oxytocin-healthwise", "oxytocin-goaskalice", "oxytocin-perexp");
    assertThat(seedIds("Library?context=http://hl7.org/fhir/sid/icd-10-cm|Z39.1"))
        .containsExactlyInAnyOrder("oxytocin-healthwise", "oxytocin-goaskalice", "oxytocin-perexp");
  }

  @Test
  void findsDocumentsByPainManagementEvent() {
    assertThat(seedIds("DocumentReference?event=http://snomed.info/sct|278414003"))
        .containsExactly("oxytocin-noigroup");
    assertThat(seedIds("DocumentReference?event=http://hl7.org/fhir/sid/icd-10-cm|G89.29"))
        .containsExactly("oxytocin-noigroup");
  }

  @Test
  void findsEmotionalHealthByTheLocalCodeSystem() {
    assertThat(
            seedIds(
                "Library?context=http://fhir.patientedu.org/CodeSystem/clinical-context|emotional-health"))
        .containsExactlyInAnyOrder("oxytocin-perexp", "oxytocin-loveandlife");
  }

  @Test
  void findsDocumentsByTypeCategoryLanguageAndDate() {
    List<String> all =
        List.of(
            "oxytocin-healthwise",
            "oxytocin-goaskalice",
            "oxytocin-perexp",
            "oxytocin-noigroup",
            "oxytocin-loveandlife");
    assertThat(seedIds("DocumentReference?type=http://loinc.org|34895-3"))
        .containsExactlyInAnyOrderElementsOf(all);
    assertThat(
            seedIds(
                "DocumentReference?category=http://fhir.patientedu.org/CodeSystem/document-category|patient-education"))
        .containsExactlyInAnyOrderElementsOf(all);
    assertThat(seedIds("DocumentReference?language=en-US"))
        .containsExactlyInAnyOrderElementsOf(all);
    // date is the publication date: PerEXP 2023-09-07; Healthwise states none ("Current as of"
    // is a review)
    assertThat(seedIds("DocumentReference?date=ge2022-01-01")).containsExactly("oxytocin-perexp");
    assertThat(seedIds("Library?date=lt2012-01-01")).containsExactly("oxytocin-goaskalice");
    assertThat(seedIds("Library?publisher=Healthwise")).containsExactly("oxytocin-healthwise");
  }

  @Test
  void findsPagesByFullText() {
    assertThat(seedIds("Library?_content=prolactin")).containsExactly("oxytocin-goaskalice");
    assertThat(seedIds("Library?_content=analgesic")).containsExactly("oxytocin-noigroup");
    assertThat(seedIds("DocumentReference?_content=breastfeeding")).contains("oxytocin-healthwise");
  }

  @Test
  void findsPagesByReadingGrade() {
    // Flesch-Kincaid grades computed at import: Healthwise 9.9, Go Ask Alice 12.2, noigroup 12.4
    // (without its site promotion), PerEXP 13.4, Love and Life 13.4.
    assertThat(seedIds("Library?reading-grade=le10")).containsExactly("oxytocin-healthwise");
    assertThat(seedIds("Library?reading-grade=gt13"))
        .containsExactlyInAnyOrder("oxytocin-perexp", "oxytocin-loveandlife");
    assertThat(seedIds("DocumentReference?reading-grade=lt12.3"))
        .containsExactlyInAnyOrder("oxytocin-healthwise", "oxytocin-goaskalice");
  }

  @Test
  void renditionsFromBinaryMatchTheirSizeAndSha1() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (String id :
        List.of(
            "oxytocin-healthwise",
            "oxytocin-goaskalice",
            "oxytocin-perexp",
            "oxytocin-noigroup",
            "oxytocin-loveandlife")) {
      DocumentReference document =
          anonymousClient().read().resource(DocumentReference.class).withId(id).execute();
      assertThat(document.getContent()).hasSize(2);
      for (DocumentReference.DocumentReferenceContentComponent content : document.getContent()) {
        Attachment attachment = content.getAttachment();
        HttpResponse<byte[]> response =
            http.send(
                HttpRequest.newBuilder(URI.create(fhirBase() + "/" + attachment.getUrl()))
                    .header("Accept", attachment.getContentType())
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        byte[] bytes = response.body();
        assertThat(bytes.length)
            .as("size of %s", attachment.getUrl())
            .isEqualTo(attachment.getSize());
        assertThat(
                Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes)))
            .as("SHA-1 of %s", attachment.getUrl())
            .isEqualTo(attachment.getHashElement().getValueAsString());
      }
    }
  }

  private List<String> seedIds(String search) {
    Bundle bundle =
        anonymousClient()
            .search()
            .byUrl(search + (search.contains("?") ? "&" : "?") + "_count=200")
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getEntry().stream()
        .map(e -> e.getResource().getIdElement().getIdPart())
        .filter(id -> id.startsWith("oxytocin-"))
        .toList();
  }
}
