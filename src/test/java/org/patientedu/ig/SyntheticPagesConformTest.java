package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.building.PackEntry;
import org.patientedu.contentpack.synthetic.SyntheticPages;

/**
 * Synthetic pages meet the guide's profiles as the real pack does: a load test must not load
 * content the guide would refuse.
 */
class SyntheticPagesConformTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void syntheticPagesHaveNoValidationError() {
    FhirValidator validator = ProfileValidation.newValidator(FHIR, IgPackage.fromClasspath());
    SyntheticPages pages = new SyntheticPages(3, LocalDate.of(2026, 11, 30));
    List<IBaseResource> resources =
        IntStream.rangeClosed(1, 20)
            .mapToObj(n -> pages.page(n).entry())
            .flatMap(
                (PackEntry entry) ->
                    java.util.stream.Stream.<IBaseResource>of(
                        entry.library(),
                        entry.documentReference(),
                        entry.htmlBinary(),
                        entry.textBinary()))
            .toList();
    assertThat(resources).hasSize(80);
    for (IBaseResource resource : resources) {
      assertThat(
              Validation.errors(
                  validator.validateWithResult(resource, Validation.options(resource))))
          .as(resource.getIdElement().getValue() + " against " + Validation.profileFor(resource))
          .isEmpty();
    }
  }
}
