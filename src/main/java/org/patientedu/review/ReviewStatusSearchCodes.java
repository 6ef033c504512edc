package org.patientedu.review;

import static org.patientedu.contentpack.PackTerminology.REVIEW_STATUS_SYSTEM;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.QualifiedParamList;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
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
      if (!name.equals(ReviewStatus.SEARCH_PARAMETER)
          && !name.equals(ReviewStatus.SEARCH_PARAMETER + ":not")) {
        continue;
      }
      String modifier = name.substring(ReviewStatus.SEARCH_PARAMETER.length());
      for (String value : parameter.getValue()) {
        // HAPI's own reading of a token list: escaped commas and bars stay in the code.
        for (String alternative :
            QualifiedParamList.splitQueryStringByCommasIgnoreEscape(modifier, value)) {
          TokenParam token = new TokenParam();
          token.setValueAsQueryToken(null, ReviewStatus.SEARCH_PARAMETER, modifier, alternative);
          checkCode(name, token);
        }
      }
    }
    return true;
  }

  private static void checkCode(String name, TokenParam token) {
    String system = token.getSystem();
    String code = token.getValue() == null ? "" : token.getValue();
    boolean ours = system == null || system.isEmpty() || system.equals(REVIEW_STATUS_SYSTEM);
    // An empty value is no condition (HAPI ignores it), as for every other parameter.
    if (ours && !code.isEmpty() && ReviewStatus.fromCode(code).isEmpty()) {
      throw new InvalidRequestException(
          "%s: \"%s\" is no review state; the states are %s".formatted(name, code, STATES));
    }
  }
}
