package org.patientedu.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code _content} on Library and DocumentReference searches their narrative. HAPI's {@code
 * _content} index holds only {@code string} elements, but a page's words live in its narrative (the
 * article and its credits, see the importer) and its Binary renditions; without this, a search for
 * a word of the article finds nothing. Other resource types keep HAPI's behaviour.
 */
@Interceptor
class ContentSearchOverNarrativeInterceptor {

  private static final Set<String> CONTENT_TYPES = Set.of("Library", "DocumentReference");

  /** Before HAPI picks the search method and binds its parameters. */
  @Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
  public boolean searchNarrative(RequestDetails request) {
    String type = request.getResourceName();
    Map<String, String[]> parameters = request.getParameters();
    if (type != null
        && CONTENT_TYPES.contains(type)
        && parameters.containsKey(Constants.PARAM_CONTENT)
        && !parameters.containsKey(Constants.PARAM_TEXT)) {
      Map<String, String[]> rewritten = new HashMap<>(parameters);
      rewritten.put(Constants.PARAM_TEXT, rewritten.remove(Constants.PARAM_CONTENT));
      request.setParameters(rewritten);
    }
    return true;
  }
}
