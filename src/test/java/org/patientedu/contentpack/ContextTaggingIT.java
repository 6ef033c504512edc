package org.patientedu.contentpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.UsageContext;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;

/**
 * Issue 9, item 3, on the running server: an EHR asking for a labor complication or a lactation
 * disorder gets no page that is not about it, and every context code says how central it is to the
 * page. The expected pages are read off the sources by hand (no seed page is about a failed
 * induction, uterine inertia or a lactation disorder).
 */
class ContextTaggingIT extends RunningServerTest {

  private static final String ICD = "http://hl7.org/fhir/sid/icd-10-cm|";

  @Test
  void noSeedPageIsOfferedForALaborComplicationOrALactationDisorder() {
    for (String code : List.of("O61.0", "O62.2", "O92.79")) {
      assertThat(seedIds("Library?context=" + ICD + code)).as(code).isEmpty();
      assertThat(seedIds("DocumentReference?event=" + ICD + code)).as(code).isEmpty();
    }
  }

  @Test
  void generalEncounterCodesFindThePagesThatTouchThem() {
    assertThat(seedIds("Library?context=" + ICD + "Z39.1"))
        .containsExactlyInAnyOrder("oxytocin-healthwise", "oxytocin-goaskalice", "oxytocin-perexp");
    assertThat(seedIds("Library?context=" + ICD + "O80")).containsExactly("oxytocin-healthwise");
    assertThat(seedIds("DocumentReference?event=http://snomed.info/sct|236973005"))
        .containsExactlyInAnyOrder("oxytocin-healthwise", "oxytocin-goaskalice", "oxytocin-perexp");
  }

  @Test
  void eachCodeSaysHowCentralItsContextIsAndWhy() {
    Library healthwise =
        anonymousClient().read().resource(Library.class).withId("oxytocin-healthwise").execute();
    assertThat(healthwise.getUseContext()).isNotEmpty();
    assertThat(relevance(healthwise, "413712001")).isEqualTo("primary");
    assertThat(relevance(healthwise, "O80")).isEqualTo("secondary");
    Extension tag = tag(healthwise, "413712001");
    assertThat(tag.getExtensionByUrl("reason").getValue().primitiveValue())
        .contains("let-down reflex");
    Library goAskAlice =
        anonymousClient().read().resource(Library.class).withId("oxytocin-goaskalice").execute();
    assertThat(goAskAlice.getUseContext())
        .isNotEmpty()
        .allSatisfy(
            u ->
                assertThat(
                        u.getExtensionByUrl(PackTerminology.EXT_CONTEXT_RELEVANCE)
                            .getExtensionByUrl("relevance")
                            .getValue()
                            .primitiveValue())
                    .isEqualTo("secondary"));
    assertThat(healthwise.getText().getDivAsString())
        .contains("Lactation and breastfeeding (primary)", "Labor and delivery (secondary)");
  }

  private static String relevance(Library library, String code) {
    return tag(library, code).getExtensionByUrl("relevance").getValue().primitiveValue();
  }

  private static Extension tag(Library library, String code) {
    UsageContext useContext =
        library.getUseContext().stream()
            .filter(
                u ->
                    u.getValueCodeableConcept().getCoding().stream()
                        .anyMatch(c -> code.equals(c.getCode())))
            .findFirst()
            .orElseThrow();
    return useContext.getExtensionByUrl(PackTerminology.EXT_CONTEXT_RELEVANCE);
  }

  private List<String> seedIds(String search) {
    Bundle bundle =
        anonymousClient()
            .search()
            .byUrl(search + "&_count=200")
            .returnBundle(Bundle.class)
            .execute();
    return bundle.getEntry().stream()
        .map(e -> e.getResource().getIdElement().getIdPart())
        .filter(id -> id.startsWith("oxytocin-"))
        .toList();
  }
}
