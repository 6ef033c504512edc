package org.patientedu.fhirserver;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * The public may read; only an editor holding the configured bearer token may change anything. This
 * is a stand-in until SMART backend-services authorization arrives. The token is never logged.
 */
@Interceptor
public class EditorAuthorizationInterceptor {

  private static final Set<RequestTypeEnum> READ_METHODS =
      Set.of(RequestTypeEnum.GET, RequestTypeEnum.HEAD, RequestTypeEnum.OPTIONS);

  /** POSTs that read: search by form, and validation which stores nothing. */
  private static final Set<RestOperationTypeEnum> READ_ONLY_POSTS =
      Set.of(
          RestOperationTypeEnum.SEARCH_TYPE,
          RestOperationTypeEnum.SEARCH_SYSTEM,
          RestOperationTypeEnum.VALIDATE);

  private final byte[] editorToken;

  public EditorAuthorizationInterceptor(String editorToken) {
    this.editorToken =
        editorToken == null ? new byte[0] : editorToken.strip().getBytes(StandardCharsets.UTF_8);
  }

  @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
  public void requireEditorForWrites(RequestDetails request, RestOperationTypeEnum operation) {
    if (READ_METHODS.contains(request.getRequestType()) || READ_ONLY_POSTS.contains(operation)) {
      return;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization == null || authorization.isBlank()) {
      throw new AuthenticationException(
              "This server is read-only to the public: "
                  + operation.getCode()
                  + " needs an editor credential (Authorization: Bearer <token>).")
          .addResponseHeader("WWW-Authenticate", "Bearer realm=\"patient-education\"");
    }
    if (!isEditorToken(authorization)) {
      throw new ForbiddenOperationException(
          "The credential presented is not an editor credential; "
              + operation.getCode()
              + " refused.");
    }
  }

  private boolean isEditorToken(String authorization) {
    if (editorToken.length == 0 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(presented, editorToken); // constant time: no timing oracle
  }
}
