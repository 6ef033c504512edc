package org.patientedu.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;

/**
 * A review-status search for a code that is no review state is refused, so a typo never reads as
 * "nothing is overdue"; the states, their alternatives, {@code :not} and other systems still
 * search. The Healthwise seed page is overdue on the tests' day (its review is over two years old,
 * the seeds' README).
 */
class ReviewStatusSearchIT extends RunningServerTest {

  private static final String STATES =
      "the states are current, due-soon, overdue, publisher-reviewed, never-reviewed";

  @Test
  void aCodeThatIsNoReviewStateIsA400ThatListsTheStates() {
    assertRefused(
        "Library?review-status=over-due", "review-status: \"over-due\" is no review state");
    assertRefused(
        "Library?review-status=overdue,overdew", "review-status: \"overdew\" is no review state");
    assertRefused(
        "DocumentReference?review-status="
            + encoded("http://fhir.patientedu.org/CodeSystem/review-status|reviewed"),
        "review-status: \"reviewed\" is no review state");
    assertRefused(
        "Library?review-status:not=Current", "review-status:not: \"Current\" is no review state");
  }

  @Test
  void theStatesTheirAlternativesNotAndOtherSystemsStillSearch() {
    assertThat(ids("Library?review-status=overdue&_id=oxytocin-healthwise"))
        .containsExactly("oxytocin-healthwise");
    assertThat(ids("Library?review-status=due-soon,overdue&_id=oxytocin-healthwise"))
        .containsExactly("oxytocin-healthwise");
    assertThat(ids("Library?review-status:not=current&_id=oxytocin-healthwise"))
        .containsExactly("oxytocin-healthwise");
    assertThat(ids("Library?review-status=current&_id=oxytocin-healthwise")).isEmpty();
    assertThat(
            ids(
                "Library?review-status="
                    + encoded("http://example.org/other-states|overdue")
                    + "&_id=oxytocin-healthwise"))
        .isEmpty();
  }

  private void assertRefused(String search, String message) {
    HttpResponse<String> response = get("/fhir/" + search);
    assertThat(response.statusCode()).as(search + ": " + response.body()).isEqualTo(400);
    OperationOutcome outcome =
        fhirContext().newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).hasSize(1);
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains(message).contains(STATES);
  }

  private List<String> ids(String search) {
    Bundle bundle = anonymousClient().search().byUrl(search).returnBundle(Bundle.class).execute();
    return bundle.getEntry().stream()
        .map(entry -> entry.getResource().getIdElement().getIdPart())
        .toList();
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
