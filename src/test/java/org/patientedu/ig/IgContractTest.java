package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationDefinition.OperationParameterUse;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.educationgiven.Medium;
import org.patientedu.review.LifecycleOperations;
import org.patientedu.review.ReviewStatus;

/**
 * The guide and the code say the same thing: every URL, code and parameter the application uses is
 * defined in the package, with the same meaning. Catches drift from either side.
 */
class IgContractTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static Map<String, Resource> byUrl;

  @BeforeAll
  static void readPackage() throws IOException {
    NpmPackage.NpmPackageFolder folder =
        IgPackage.fromClasspath().npm().getFolders().get("package");
    byUrl = new java.util.HashMap<>();
    for (String file : folder.listFiles()) {
      if (file.endsWith(".json") && !file.startsWith(".") && !file.equals("package.json")) {
        Resource resource =
            (Resource)
                FHIR.newJsonParser()
                    .parseResource(new String(folder.fetchFile(file), StandardCharsets.UTF_8));
        if (resource instanceof org.hl7.fhir.r4.model.MetadataResource metadata
            && metadata.hasUrl()) {
          byUrl.put(metadata.getUrl(), resource);
        }
      }
    }
  }

  @Test
  void everyExtensionTheApplicationWritesIsDefined() {
    for (String url :
        List.of(
            PackTerminology.EXT_AI_GENERATED,
            PackTerminology.EXT_REVIEWER_SPECIALTY,
            PackTerminology.EXT_REVIEWER_CREDENTIALS,
            PackTerminology.EXT_AUTHOR_CREDENTIALS,
            PackTerminology.EXT_READING_GRADE_LEVEL,
            PackTerminology.EXT_WORD_COUNT,
            PackTerminology.EXT_READING_TIME_MINUTES,
            PackTerminology.EXT_REVIEW_STATUS,
            PackTerminology.EXT_CONTEXT_RELEVANCE,
            PackTerminology.EXT_LAST_REVIEW_DATE,
            PackTerminology.EXT_REVIEWER,
            PackTerminology.EXT_DISCLAIMER,
            PackTerminology.EXT_SOURCE_DATE_LABEL)) {
      assertThat(byUrl.get(url)).as(url).isInstanceOf(StructureDefinition.class);
      assertThat(((StructureDefinition) byUrl.get(url)).getType()).as(url).isEqualTo("Extension");
    }
  }

  /**
   * Every URL of our own that PackTerminology holds names a resource of the guide, of the kind its
   * name says, so a new constant cannot point at nothing. The one exception is an identifier
   * system, which names no resource.
   */
  @Test
  void everyUrlOfOursInPackTerminologyIsInTheGuide() throws IllegalAccessException {
    Map<String, String> ours = new java.util.TreeMap<>();
    for (Field field : PackTerminology.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.get(null) instanceof String value
          && value.startsWith(PackTerminology.CANONICAL_BASE + "/")
          && !value.equals(PackTerminology.DOCUMENT_IDENTIFIER_SYSTEM)) {
        ours.put(field.getName(), value);
      }
    }
    assertThat(ours.keySet())
        .contains(
            "EXT_REVIEW_STATUS", "PROFILE_LIBRARY", "CAPABILITY_STATEMENT", "REVIEW_STATUS_SYSTEM");
    ours.forEach(
        (name, url) -> {
          Resource resource = byUrl.get(url);
          assertThat(resource).as("%s = %s", name, url).isNotNull();
          Class<? extends Resource> kind =
              name.startsWith("EXT_") || name.startsWith("PROFILE_")
                  ? StructureDefinition.class
                  : name.endsWith("_SYSTEM")
                      ? CodeSystem.class
                      : org.hl7.fhir.r4.model.CapabilityStatement.class;
          assertThat(resource).as("%s = %s", name, url).isInstanceOf(kind);
        });
  }

  @Test
  void theClinicalContextValueSetHoldsExactlyTheImportersCodes() {
    ValueSet valueSet =
        (ValueSet) byUrl.get("http://fhir.patientedu.org/ValueSet/clinical-context");
    CodeSystem local = (CodeSystem) byUrl.get(PackTerminology.CLINICAL_CONTEXT_SYSTEM);
    List<String> inGuide =
        valueSet.getCompose().getInclude().stream()
            .flatMap(
                include ->
                    include.hasConcept()
                        ? include.getConcept().stream()
                            .map(
                                c -> include.getSystem() + "|" + c.getCode() + "|" + c.getDisplay())
                        : local.getConcept().stream()
                            .map(c -> local.getUrl() + "|" + c.getCode() + "|" + c.getDisplay()))
            .sorted()
            .toList();
    List<String> inImporter =
        Arrays.stream(ClinicalContext.values())
            .flatMap(c -> c.codes().stream())
            .map(c -> c.system() + "|" + c.code() + "|" + c.display())
            .sorted()
            .toList();
    assertThat(inGuide).isEqualTo(inImporter);
  }

  @Test
  void theReviewStatusCodeSystemHasTheServersCodesAndDisplays() {
    CodeSystem codeSystem = (CodeSystem) byUrl.get(PackTerminology.REVIEW_STATUS_SYSTEM);
    assertThat(
            codeSystem.getConcept().stream()
                .collect(Collectors.toMap(c -> c.getCode(), c -> c.getDisplay())))
        .isEqualTo(
            Arrays.stream(ReviewStatus.values())
                .collect(Collectors.toMap(ReviewStatus::code, ReviewStatus::display)));
    CodeSystem category = (CodeSystem) byUrl.get(PackTerminology.DOCUMENT_CATEGORY_SYSTEM);
    assertThat(category.getConcept())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getCode())
                  .isEqualTo(PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION);
              assertThat(c.getDisplay())
                  .isEqualTo(PackTerminology.DOCUMENT_CATEGORY_PATIENT_EDUCATION_DISPLAY);
            });
  }

  @Test
  void theEducationMediumCodeSystemHasTheRecordsCodesAndDisplays() {
    CodeSystem codeSystem = (CodeSystem) byUrl.get(PackTerminology.EDUCATION_MEDIUM_SYSTEM);
    assertThat(
            codeSystem.getConcept().stream()
                .collect(Collectors.toMap(c -> c.getCode(), c -> c.getDisplay())))
        .isEqualTo(
            Arrays.stream(Medium.values())
                .collect(Collectors.toMap(Medium::code, Medium::display)));
  }

  @Test
  void theContextRelevanceCodeSystemHasTheImportersCodesAndItsExtensionTheirParts() {
    CodeSystem codeSystem = (CodeSystem) byUrl.get(PackTerminology.CONTEXT_RELEVANCE_SYSTEM);
    assertThat(codeSystem.getConcept().stream().map(c -> c.getCode()).toList())
        .containsExactlyElementsOf(
            Arrays.stream(ContextTag.Relevance.values()).map(ContextTag.Relevance::code).toList());
    StructureDefinition extension =
        (StructureDefinition) byUrl.get(PackTerminology.EXT_CONTEXT_RELEVANCE);
    assertThat(
            extension.getDifferential().getElement().stream()
                .filter(e -> e.getPath().equals("Extension.extension.url") && e.hasFixed())
                .map(e -> e.getFixed().primitiveValue())
                .toList())
        .containsExactlyInAnyOrder(
            PackTerminology.EXT_CONTEXT_RELEVANCE_RELEVANCE,
            PackTerminology.EXT_CONTEXT_RELEVANCE_REASON);
    // where the guide allows it is where the application writes it
    assertThat(extension.getContext().stream().map(c -> c.getExpression()).toList())
        .containsExactlyInAnyOrder("Library.useContext", "DocumentReference.context.event");
  }

  /**
   * What the server installs into its store is the guide's terminology and search parameters (ids
   * written by hand from ig/input/fsh), and each search parameter indexes an extension the code
   * writes.
   */
  @Test
  void theServerInstallsTheGuidesTerminologyAndSearchParameters() throws IOException {
    List<String> installed =
        IgConformanceInstaller.conformanceResources(IgPackage.fromClasspath().npm(), FHIR).stream()
            .map(r -> r.getIdElement().toUnqualifiedVersionless().getValue())
            .toList();
    assertThat(installed)
        .containsExactly(
            "CodeSystem/cds-override-reason",
            "CodeSystem/clinical-context",
            "CodeSystem/context-relevance",
            "CodeSystem/document-category",
            "CodeSystem/education-medium",
            "CodeSystem/icd-10-cm-fragment",
            "CodeSystem/review-status",
            "CodeSystem/snomed-ct-fragment",
            "ValueSet/clinical-context",
            "ValueSet/context-emotional-health",
            "ValueSet/context-labor-delivery",
            "ValueSet/context-lactation",
            "ValueSet/context-pain-management",
            "ValueSet/context-relationships",
            "ValueSet/context-relevance",
            "ValueSet/document-category",
            "ValueSet/education-medium",
            "ValueSet/oxytocin-medications",
            "ValueSet/review-status",
            "SearchParameter/reading-grade",
            "SearchParameter/review-status");
    Map<String, String> indexed =
        Map.of(
            "reading-grade", PackTerminology.EXT_READING_GRADE_LEVEL,
            "review-status", PackTerminology.EXT_REVIEW_STATUS);
    indexed.forEach(
        (code, extension) -> {
          SearchParameter parameter =
              (SearchParameter)
                  byUrl.get(PackTerminology.CANONICAL_BASE + "/SearchParameter/" + code);
          assertThat(parameter.getCode()).isEqualTo(code);
          assertThat(parameter.getExpression())
              .isEqualTo(
                  "Library.extension('"
                      + extension
                      + "').value | DocumentReference.extension('"
                      + extension
                      + "').value");
          assertThat(parameter.getBase())
              .extracting(b -> b.getCode())
              .containsExactly("Library", "DocumentReference");
        });
  }

  @Test
  void theLifecycleOperationsTakeTheParametersTheGuideDefines() {
    Map<String, Method> operations =
        Arrays.stream(LifecycleOperations.class.getMethods())
            .filter(m -> m.isAnnotationPresent(Operation.class))
            .collect(
                Collectors.toMap(
                    m -> m.getAnnotation(Operation.class).name().replace("$", ""),
                    Function.identity()));
    for (String code : List.of("review", "approve", "retire")) {
      OperationDefinition definition =
          (OperationDefinition)
              byUrl.get("http://fhir.patientedu.org/OperationDefinition/Library-" + code);
      Map<String, Integer> inGuide =
          definition.getParameter().stream()
              .filter(p -> p.getUse() == OperationParameterUse.IN)
              .collect(Collectors.toMap(p -> p.getName(), p -> p.getMin()));
      Map<String, Integer> inCode =
          Arrays.stream(operations.get(code).getParameters())
              .map(p -> p.getAnnotation(OperationParam.class))
              .filter(Objects::nonNull)
              .collect(Collectors.toMap(OperationParam::name, OperationParam::min));
      assertThat(inCode).as("$" + code).isEqualTo(inGuide);
      assertThat(definition.getInstance()).isTrue();
      assertThat(definition.getAffectsState()).isTrue();
    }
  }
}
