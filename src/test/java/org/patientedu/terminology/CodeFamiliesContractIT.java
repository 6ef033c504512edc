package org.patientedu.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.gclient.TokenClientParam;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.ig.IgPackage;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contract between the guide's code families and the server's matching: for every code the
 * guide covers (the concepts of its ICD-10-CM and SNOMED CT fragments, and its RxNorm codes),
 * HAPI's own expansion of each family value set ({@code ValueSet/$expand} over HTTP) and the
 * server's {@link CodeFamilies} agree on membership. And FHIR searches find families through HAPI's
 * terminology service.
 */
class CodeFamiliesContractIT extends RunningServerTest {

  @Autowired CodeFamilies codeFamilies;

  @Test
  void hapisExpansionAndTheServersMatchingAgreeOnEveryCoveredCode() {
    List<CodeFamilies.SystemCode> covered = coveredCodes();
    assertThat(covered).hasSizeGreaterThan(20);
    for (ClinicalContext context : ClinicalContext.values()) {
      Set<CodeFamilies.SystemCode> expanded = expand(PackTerminology.codeFamilyUrl(context.key()));
      assertThat(expanded).as(context.key()).isNotEmpty();
      for (CodeFamilies.SystemCode code : covered) {
        assertThat(codeFamilies.contextsOf(code.system(), code.code()).contains(context))
            .as(context.key() + " has " + code)
            .isEqualTo(expanded.contains(code));
      }
      for (CodeFamilies.SystemCode code : expanded) {
        assertThat(codeFamilies.contextsOf(code.system(), code.code()))
            .as(code + " expanded in " + context.key())
            .contains(context);
      }
    }
  }

  @Test
  void belowAboveAndInSearchesFindTheFamily() {
    String id = "codefamilies-test-o92";
    Library tagged = TestLibraries.draft(id, "Lactation disorders", "A test page for O92.79.");
    ContextElements.addUseContexts(
        tagged,
        List.of(
            new ContextTag(
                ClinicalContext.LACTATION,
                ContextTag.Relevance.PRIMARY,
                List.of(ClinicalContext.LACTATION.code("icd-10-cm:O92.79")),
                "About a lactation disorder")));
    editorClient().update().resource(tagged).execute();
    try {
      assertThat(libraries("context:below", PackTerminology.ICD10CM + "|O92")).containsExactly(id);
      assertThat(libraries("context:below", PackTerminology.ICD10CM + "|O92.7"))
          .containsExactly(id);
      assertThat(libraries("context:above", PackTerminology.ICD10CM + "|O92.79"))
          .containsExactly(id);
      assertThat(libraries("context:below", PackTerminology.ICD10CM + "|Z39"))
          .containsExactlyInAnyOrder(
              "oxytocin-healthwise", "oxytocin-goaskalice", "oxytocin-perexp");
      assertThat(libraries("context:below", PackTerminology.SNOMED + "|236973005"))
          .containsExactlyInAnyOrder(
              "oxytocin-healthwise", "oxytocin-goaskalice", "oxytocin-perexp");
      assertThat(libraries("context:in", PackTerminology.codeFamilyUrl("lactation")))
          .containsExactlyInAnyOrder(
              "oxytocin-healthwise", "oxytocin-goaskalice", "oxytocin-perexp", id);
      assertThat(libraries("context:in", PackTerminology.codeFamilyUrl("pain-management")))
          .containsExactly("oxytocin-noigroup");
      Bundle documents =
          anonymousClient()
              .search()
              .forResource(DocumentReference.class)
              .where(
                  new TokenClientParam("event:below")
                      .exactly()
                      .systemAndCode(PackTerminology.ICD10CM, "G89"))
              .returnBundle(Bundle.class)
              .execute();
      assertThat(packAndOwnIds(documents)).containsExactly("oxytocin-noigroup");
    } finally {
      editorClient().delete().resourceById("Library", id).execute();
    }
  }

  private List<String> libraries(String parameter, String value) {
    Bundle found =
        anonymousClient()
            .search()
            .byUrl("Library?" + parameter + "=" + value + "&_count=100")
            .returnBundle(Bundle.class)
            .execute();
    return packAndOwnIds(found);
  }

  /**
   * The ids of the pack's pages and this class's own in {@code found}: other classes' pages (copies
   * of seed pages, with their codes) may be on the shared server when this class runs.
   */
  private static List<String> packAndOwnIds(Bundle found) {
    List<String> ids = new ArrayList<>();
    found.getEntry().forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
    return ids.stream()
        .filter(i -> i.startsWith("oxytocin-") || i.startsWith("codefamilies-"))
        .toList();
  }

  private Set<CodeFamilies.SystemCode> expand(String url) {
    Parameters in = new Parameters();
    in.addParameter("url", new UriType(url));
    ValueSet expansion =
        anonymousClient()
            .operation()
            .onType(ValueSet.class)
            .named("$expand")
            .withParameters(in)
            .useHttpGet()
            .returnResourceType(ValueSet.class)
            .execute();
    Set<CodeFamilies.SystemCode> codes = new HashSet<>();
    expansion
        .getExpansion()
        .getContains()
        .forEach(c -> codes.add(new CodeFamilies.SystemCode(c.getSystem(), c.getCode())));
    return codes;
  }

  /** Every code the guide's package covers: its fragments' concepts and the value sets' lists. */
  private static List<CodeFamilies.SystemCode> coveredCodes() {
    IgPackage guide = IgPackage.fromClasspath();
    List<CodeFamilies.SystemCode> codes = new ArrayList<>();
    for (CodeSystem codeSystem : guide.resources(CodeSystem.class, fhirContext())) {
      addConcepts(codeSystem.getUrl(), codeSystem.getConcept(), codes);
    }
    for (ValueSet valueSet : guide.resources(ValueSet.class, fhirContext())) {
      valueSet
          .getCompose()
          .getInclude()
          .forEach(
              include ->
                  include
                      .getConcept()
                      .forEach(
                          c ->
                              codes.add(
                                  new CodeFamilies.SystemCode(include.getSystem(), c.getCode()))));
    }
    return codes.stream().distinct().toList();
  }

  private static void addConcepts(
      String system,
      List<ConceptDefinitionComponent> concepts,
      List<CodeFamilies.SystemCode> codes) {
    for (ConceptDefinitionComponent concept : concepts) {
      codes.add(new CodeFamilies.SystemCode(system, concept.getCode()));
      addConcepts(system, concept.getConcept(), codes);
    }
  }
}
