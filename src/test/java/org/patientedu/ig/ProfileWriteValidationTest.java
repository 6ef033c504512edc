package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.validation.AlreadyValidated;

/**
 * A write skips the profile check only for the very objects its caller marked as validated (the
 * content pack loader); a copy with the same content, or any other request, is still checked.
 */
class ProfileWriteValidationTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static ProfileWriteValidation interceptor;
  private Library invalid;

  @BeforeAll
  static void loadGuide() {
    FhirValidator validator = ProfileValidation.newValidator(FHIR, IgPackage.fromClasspath());
    interceptor = new ProfileWriteValidation(FHIR, () -> validator);
  }

  @BeforeEach
  void readInvalidLibrary() throws IOException {
    // claims the Library profile, has no publisher (the profile requires one)
    invalid =
        FHIR.newJsonParser()
            .parseResource(
                Library.class,
                Files.readString(
                    Path.of("src/test/resources/ig/errors/Library-no-publisher.json")));
    invalid.getMeta().addProfile(PackTerminology.PROFILE_LIBRARY);
  }

  @Test
  void anOrdinaryWriteIsRefused() {
    assertThatThrownBy(() -> interceptor.validate(invalid, new SystemRequestDetails()))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Library.publisher");
    assertThatThrownBy(() -> interceptor.validate(invalid, null))
        .isInstanceOf(UnprocessableEntityException.class);
  }

  @Test
  void anEqualCopyOfAValidatedResourceIsStillChecked() {
    SystemRequestDetails request = AlreadyValidated.systemRequest(List.of(invalid.copy()));
    assertThatThrownBy(() -> interceptor.validate(invalid, request))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Library.publisher");
  }

  @Test
  void theObjectTheCallerValidatedIsNotValidatedAgain() {
    SystemRequestDetails request = AlreadyValidated.systemRequest(List.of(invalid));
    assertThatCode(() -> interceptor.validate(invalid, request)).doesNotThrowAnyException();
  }
}
