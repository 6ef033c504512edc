package org.patientedu.fhirserver.readcache;

import java.util.List;
import java.util.Map;

/**
 * A read answer exactly as HAPI encoded it for one version: status 200, the headers a client relies
 * on (content type, ETag, Last-Modified, Content-Location, ...) and the body bytes.
 */
record EncodedResponse(String etag, List<Map.Entry<String, String>> headers, byte[] body) {

  int weight() {
    return body.length + 64 * headers.size();
  }
}
