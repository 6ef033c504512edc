package org.patientedu.validation;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * A write by the server itself whose resources the caller has just validated with {@code
 * profileValidator}, so that the guide's write validation ({@code ig.ProfileWriteValidation}) does
 * not validate them a second time (the content pack loader: validation is most of a first load's
 * time).
 *
 * <p>The resources are held by identity, not by content: only the very objects the caller validated
 * are let through, and a request's user data is set on the server, never by a client. Every other
 * write, over REST or by the lifecycle operations, is still validated.
 */
public final class AlreadyValidated {

  private static final String USER_DATA_KEY = AlreadyValidated.class.getName();

  private AlreadyValidated() {}

  /**
   * A system request for a write of these resources, each already validated against the guide's
   * profiles (and FHIR R4) by {@code profileValidator}.
   */
  public static SystemRequestDetails systemRequest(Collection<? extends IBaseResource> resources) {
    Set<IBaseResource> validated = Collections.newSetFromMap(new IdentityHashMap<>());
    validated.addAll(resources);
    SystemRequestDetails request = new SystemRequestDetails();
    request.getUserData().put(USER_DATA_KEY, validated);
    return request;
  }

  public static boolean contains(RequestDetails request, IBaseResource resource) {
    return request != null
        && request.getUserData().get(USER_DATA_KEY) instanceof Set<?> validated
        && validated.contains(resource);
  }
}
