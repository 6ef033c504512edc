package org.patientedu.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Refuses, with a 400 that names the rule, requests whose shape HAPI would otherwise turn into a
 * 500 or a wrong answer, before any database work: too many search parameters (each is a join the
 * planner weighs; a few hundred kept a core busy for minutes), a negative {@code _count} (HAPI
 * answered an empty page), an {@code _offset} that is negative or beyond {@code
 * edu.limits.max-offset} (HAPI failed with internal errors, or reported the offset as the total),
 * an {@code If-Match} that is no version ETag (HAPI failed parsing it as a number).
 */
@Interceptor
final class RequestShapeGuard {

  /** Parameters that shape the answer but add no condition to the query. */
  private static final Set<String> NOT_CONDITIONS =
      Set.of(
          Constants.PARAM_COUNT,
          Constants.PARAM_OFFSET,
          Constants.PARAM_FORMAT,
          Constants.PARAM_PRETTY,
          Constants.PARAM_SUMMARY,
          Constants.PARAM_ELEMENTS,
          Constants.PARAM_SORT,
          Constants.PARAM_PAGINGACTION,
          Constants.PARAM_PAGINGOFFSET,
          Constants.PARAM_BUNDLETYPE);

  private static final Pattern VERSION_ETAG = Pattern.compile("(W/)?\"?[0-9]{1,18}\"?");

  private final RequestLimitsProperties limits;

  RequestShapeGuard(RequestLimitsProperties limits) {
    this.limits = limits;
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean check(RequestDetails request) {
    Map<String, String[]> parameters = request.getParameters();
    int conditions = 0;
    for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
      if (NOT_CONDITIONS.contains(parameter.getKey())) {
        continue;
      }
      for (String value : parameter.getValue()) {
        // a,b,c is three alternatives, each a predicate of its own
        conditions += 1 + (int) value.chars().filter(c -> c == ',').count();
      }
    }
    if (conditions > limits.maxSearchParameters()) {
      throw new InvalidRequestException(
          "Too many search parameters: "
              + conditions
              + " (values and comma-separated alternatives); this server accepts at most "
              + limits.maxSearchParameters()
              + " per request (setting edu.limits.max-search-parameters).");
    }
    wholeNumber(parameters, Constants.PARAM_COUNT, Integer.MAX_VALUE);
    wholeNumber(parameters, Constants.PARAM_PAGINGOFFSET, Integer.MAX_VALUE);
    wholeNumber(parameters, Constants.PARAM_OFFSET, limits.maxOffset());
    String ifMatch = request.getHeader(Constants.HEADER_IF_MATCH);
    if (ifMatch != null && !VERSION_ETAG.matcher(ifMatch.strip()).matches()) {
      throw new InvalidRequestException(
          "If-Match must be the ETag of a version, such as W/\"3\" (the resource's"
              + " meta.versionId); got something else.");
    }
    return true;
  }

  /**
   * HAPI reports {@code _offset} plus the entries returned as the total; past the last match that
   * is the offset itself, whatever the real count. An empty page past the end says no total rather
   * than a wrong one.
   */
  @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
  public boolean noTotalPastTheEnd(RequestDetails request, IBaseResource response) {
    String[] offset = request.getParameters().get(Constants.PARAM_OFFSET);
    if (offset != null
        && response instanceof Bundle bundle
        && bundle.getType() == Bundle.BundleType.SEARCHSET
        && bundle.getEntry().isEmpty()
        && Long.parseLong(offset[0].strip()) > 0) {
      bundle.setTotalElement(null);
    }
    return true;
  }

  private static void wholeNumber(Map<String, String[]> parameters, String name, int max) {
    String[] values = parameters.get(name);
    if (values == null) {
      return;
    }
    for (String value : values) {
      long number;
      try {
        number = Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw new InvalidRequestException(name + " must be a whole number.");
      }
      if (number < 0) {
        throw new InvalidRequestException(name + " must be 0 or more; got " + number + ".");
      }
      if (number > max) {
        throw new InvalidRequestException(
            name
                + " may be at most "
                + max
                + " (setting edu.limits.max-offset); follow the Bundle's next links to page"
                + " further.");
      }
    }
  }
}
