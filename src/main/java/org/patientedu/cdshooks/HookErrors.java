package org.patientedu.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.patientedu.fhirserver.NodeReadiness;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * CDS Hooks names the status codes of errors (400, 401, 412) but no body: ours is {@code {"error":
 * "<what is wrong>"}}, never a stack trace or a class name.
 */
final class HookErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HookErrors() {}

  static byte[] body(String message) {
    ObjectNode error = JSON.createObjectNode().put("error", message);
    return error.toString().getBytes(StandardCharsets.UTF_8);
  }

  static ResponseEntity<byte[]> response(HttpStatus status, String message) {
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
    if (status == HttpStatus.UNAUTHORIZED) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    return response.body(body(message));
  }

  /** The node is not ready yet ({@link NodeReadiness}): 503, to be tried again shortly. */
  static ResponseEntity<byte[]> starting() {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.RETRY_AFTER, NodeReadiness.RETRY_AFTER_SECONDS)
        .body(body(NodeReadiness.STARTING));
  }
}
