package org.patientedu.review;

import static org.patientedu.contentpack.PackTerminology.REVIEW_STATUS_SYSTEM;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refuses, with a 400 that lists the states, a {@code review-status} search for a code that is no
 * review state ({@code review-status=over-due}, {@code review-status=reviewed}).
 *
 * <p>Why: a token search for an unknown code is a valid FHIR search that matches nothing, so a
 * mistyped state answered "no page is overdue". An EHR or a ward dashboard would show that as good
 * news. Codes of another system ({@code othersystem|x}) and the {@code :missing} and {@code :text}
 * modifiers are left to HAPI: they are not claims about our states.
 */
@Interceptor
final class ReviewStatusSearchCodes {

  static final String PARAMETER = "review-status";

  private static final String STATES =
      Arrays.stream(ReviewStatus.values())
          .map(ReviewStatus::code)
          .collect(Collectors.joining(", "));

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean check(RequestDetails request) {
    if (request.getRestOperationType() != RestOperationTypeEnum.SEARCH_TYPE) {
      return true;
    }
    for (Map.Entry<String, String[]> parameter : request.getParameters().entrySet()) {
      String name = parameter.getKey();
      if (!name.equals(PARAMETER) && !name.equals(PARAMETER + ":not")) {
        continue;
      }
      for (String value : parameter.getValue()) {
        for (String alternative : value.split(",", -1)) {
          checkCode(name, alternative);
        }
      }
    }
    return true;
  }

  private static void checkCode(String name, String token) {
    int bar = token.indexOf('|');
    String system = bar < 0 ? "" : token.substring(0, bar);
    String code = bar < 0 ? token : token.substring(bar + 1);
    boolean ours = system.isEmpty() || system.equals(REVIEW_STATUS_SYSTEM);
    // An empty value is no condition (HAPI ignores it), as for every other parameter.
    if (ours && !code.isEmpty() && ReviewStatus.fromCode(code).isEmpty()) {
      throw new InvalidRequestException(
          "%s: \"%s\" is no review state; the states are %s".formatted(name, code, STATES));
    }
  }
}
