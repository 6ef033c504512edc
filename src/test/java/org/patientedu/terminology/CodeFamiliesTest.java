package org.patientedu.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patientedu.contentpack.ClinicalContext.LABOR_DELIVERY;
import static org.patientedu.contentpack.ClinicalContext.LACTATION;
import static org.patientedu.contentpack.ClinicalContext.PAIN_MANAGEMENT;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.r4.model.ValueSet.FilterOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.ig.IgPackage;

/**
 * The code families as the guide's package writes them, read by the server. Expected contexts are
 * written by hand from the ICD-10-CM tabular list and the guide's FSH, not computed.
 */
class CodeFamiliesTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static List<ValueSet> guideValueSets;
  private static CodeFamilies families;

  @BeforeAll
  static void readTheGuide() {
    guideValueSets = IgPackage.fromClasspath().resources(ValueSet.class, FHIR);
    families = CodeFamilies.from(guideValueSets);
  }

  @ParameterizedTest(name = "ICD-10-CM {0} -> {1}")
  @CsvSource({
    // child codes of a tagged category
    "O92.79, LACTATION",
    "O92.70, LACTATION",
    "o92.79, LACTATION",
    "O91.011, LACTATION",
    "Z39.1, LACTATION",
    // the O60-O77 range, its first and last categories and a code deep inside
    "O60.14X0, LABOR_DELIVERY",
    "O61.1, LABOR_DELIVERY",
    "O70.0, LABOR_DELIVERY",
    "O77.9, LABOR_DELIVERY",
    "O80, LABOR_DELIVERY",
    "O82, LABOR_DELIVERY",
    "G89.18, PAIN_MANAGEMENT",
    "G89.4, PAIN_MANAGEMENT",
  })
  void icd10CmCodesFindTheirFamily(String code, ClinicalContext context) {
    assertThat(families.contextsOf(PackTerminology.ICD10CM, code)).containsExactly(context);
  }

  @ParameterizedTest(name = "ICD-10-CM {0} is in no family")
  @CsvSource({
    "Z39.2", // routine postpartum follow-up: not lactation
    "Z39", // the category itself is wider than Z39.1
    "O59", // just before the O60-O77 range
    "O78", // just after it (no such category, and not in the range)
    "O81", // not in ICD-10-CM; O80-O82 holds O80 and O82
    "O9", // a prefix of O91/O92, not a code below them
    "G90", "F53.0",
  })
  void icd10CmCodesOutsideEveryFamily(String code) {
    assertThat(families.contextsOf(PackTerminology.ICD10CM, code)).isEmpty();
  }

  @Test
  void curatedSnomedDescendantsFindLaborAndDelivery() {
    for (String code : List.of("236973005", "177184002", "11466000", "302383004", "61586001")) {
      assertThat(families.contextsOf(PackTerminology.SNOMED, code))
          .as(code)
          .containsExactly(LABOR_DELIVERY);
    }
    assertThat(families.contextsOf(PackTerminology.SNOMED, "413712001")).containsExactly(LACTATION);
    assertThat(families.contextsOf(PackTerminology.SNOMED, "278414003"))
        .containsExactly(PAIN_MANAGEMENT);
    // a real SNOMED CT concept the guide does not list: no family, never a guess
    assertThat(families.contextsOf(PackTerminology.SNOMED, "22253000")).isEmpty();
    // an ICD-10-CM-looking code under SNOMED CT is not matched by prefix
    assertThat(families.contextsOf(PackTerminology.SNOMED, "O92.79")).isEmpty();
  }

  @Test
  void oxytocinByRxNormCodeAndByName() {
    assertThat(families.contextsOf(PackTerminology.RXNORM, "207315"))
        .containsExactly(LABOR_DELIVERY);
    assertThat(families.contextsOf(PackTerminology.RXNORM, "238013"))
        .containsExactly(LABOR_DELIVERY);
    assertThat(families.contextsNamed("Pitocin")).containsExactly(LABOR_DELIVERY);
    assertThat(families.contextsNamed("PITOCIN 10 units/mL injection"))
        .containsExactly(LABOR_DELIVERY);
    assertThat(families.contextsNamed("oxytocin")).containsExactly(LABOR_DELIVERY);
    assertThat(families.contextsNamed("Pitocinx")).isEmpty();
    assertThat(families.contextsNamed("aspirin")).isEmpty();
    assertThat(families.contextsNamed("")).isEmpty();
  }

  @Test
  void theRangeIsWrittenAsOneIsAFilterPerCategory() {
    List<String> expected = new ArrayList<>();
    for (int category = 60; category <= 77; category++) {
      expected.add("O" + category);
    }
    expected.add("O80");
    expected.add("O82");
    assertThat(families.icd10CmCategories(LABOR_DELIVERY)).containsExactlyElementsOf(expected);
  }

  @Test
  void aFamilyTheServerCannotMatchExactlyStopsStartUp() {
    List<ValueSet> changed = new ArrayList<>();
    for (ValueSet valueSet : guideValueSets) {
      ValueSet copy = valueSet.copy();
      if (copy.getUrl().equals(PackTerminology.codeFamilyUrl("lactation"))) {
        copy.getCompose()
            .addInclude()
            .setSystem(PackTerminology.SNOMED)
            .addFilter()
            .setProperty("concept")
            .setOp(FilterOperator.ISA)
            .setValue("413712001");
      }
      changed.add(copy);
    }
    assertThatThrownBy(() -> CodeFamilies.from(changed))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("context-lactation")
        .hasMessageContaining("http://snomed.info/sct");
  }
}
