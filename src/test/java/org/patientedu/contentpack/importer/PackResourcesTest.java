package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.UsageContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.page.ImportSettings;

/**
 * The committed resources parse back strictly and their attachments describe the Binaries exactly.
 */
class PackResourcesTest {

  static final List<String> IDS = PackFixtures.IDS;

  @ParameterizedTest
  @FieldSource("IDS")
  void attachmentsMatchTheirBinaries(String id) throws Exception {
    Library library = PackFixtures.library(id);
    DocumentReference doc = PackFixtures.documentReference(id);
    List<Attachment> attachments = new ArrayList<>(library.getContent());
    doc.getContent().forEach(c -> attachments.add(c.getAttachment()));
    assertThat(attachments).hasSize(4);
    for (Attachment attachment : attachments) {
      String kind = attachment.getUrl().endsWith("-html") ? "html" : "text";
      Binary binary = PackFixtures.binary(id, kind);
      assertThat(attachment.getUrl()).isEqualTo("Binary/" + id + "-" + kind);
      assertThat(binary.getIdElement().getIdPart()).isEqualTo(id + "-" + kind);
      assertThat(attachment.getContentType())
          .isEqualTo(binary.getContentType())
          .isEqualTo(
              kind.equals("html") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
      assertThat(attachment.getSize()).isEqualTo(binary.getData().length);
      assertThat(attachment.getHash())
          .isEqualTo(MessageDigest.getInstance("SHA-1").digest(binary.getData()));
      assertThat(attachment.getLanguage()).isEqualTo("en-US");
    }
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void clinicalContextsAreSearchableOneCodingEach(String id) throws Exception {
    ImportSettings settings =
        ImportSettings.load(PackFixtures.PACK.resolve(id).resolve(ImportSettings.FILE_NAME));
    List<String> expected =
        settings.contexts().stream()
            .flatMap(tag -> tag.codes().stream())
            .map(c -> c.system() + "|" + c.code())
            .toList();
    Library library = PackFixtures.library(id);
    for (UsageContext useContext : library.getUseContext()) {
      assertThat(useContext.getCode().getSystem()).isEqualTo(PackTerminology.USAGE_CONTEXT_TYPE);
      assertThat(useContext.getCode().getCode()).isEqualTo("focus");
      assertThat(useContext.getValueCodeableConcept().getCoding()).hasSize(1);
    }
    assertThat(library.getUseContext())
        .extracting(u -> key(u.getValueCodeableConcept().getCodingFirstRep()))
        .containsExactlyElementsOf(expected);
    DocumentReference doc = PackFixtures.documentReference(id);
    assertThat(doc.getContext().getEvent())
        .extracting(CodeableConcept::getCodingFirstRep)
        .extracting(PackResourcesTest::key)
        .containsExactlyElementsOf(expected);
    assertThat(doc.getContext().getRelatedFirstRep().getReference()).isEqualTo("Library/" + id);
    assertThat(doc.getType().getCodingFirstRep().getCode()).isEqualTo("34895-3");
    assertThat(doc.getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("patient-education");
    assertThat(doc.hasSecurityLabel()).isFalse();
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void htmlRenditionIsACleanFragment(String id) {
    String html = PackFixtures.htmlRendition(id);
    assertThat(html)
        .startsWith("<article lang=\"en-US\">\n  <h1>")
        .endsWith("</article>\n")
        .contains("<section class=\"credits\">")
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("<style")
        .doesNotContainIgnoringCase("style=")
        .doesNotContainIgnoringCase("<img")
        .doesNotContainIgnoringCase("src=")
        .doesNotContainIgnoringCase("href=")
        .doesNotContainPattern("(?i)\\son[a-z]+=");
  }

  @ParameterizedTest
  @FieldSource("IDS")
  void libraryIsDescribedConsistently(String id) throws Exception {
    Library library = PackFixtures.library(id);
    assertThat(library.getUrl()).isEqualTo(PackTerminology.libraryUrl(id));
    assertThat(library.getVersion()).isEqualTo("1.0.0");
    assertThat(library.getExperimental()).isFalse();
    assertThat(library.getType().getCodingFirstRep().getCode()).isEqualTo("asset-collection");
    assertThat(library.getTopic()).extracting(CodeableConcept::getText).contains("Oxytocin");
    assertThat(library.getTopicFirstRep().getCodingFirstRep().getCode()).isEqualTo("education");
    assertThat(library.getJurisdictionFirstRep().getCodingFirstRep().getCode()).isEqualTo("US");
    assertThat(library.getText().getStatus().toCode()).isEqualTo("generated");
    for (ClinicalContext context :
        ImportSettings.load(PackFixtures.PACK.resolve(id).resolve(ImportSettings.FILE_NAME))
            .clinicalContexts()) {
      assertThat(library.getText().getDivAsString()).contains(context.label());
    }
  }

  private static String key(Coding coding) {
    return coding.getSystem() + "|" + coding.getCode();
  }
}
