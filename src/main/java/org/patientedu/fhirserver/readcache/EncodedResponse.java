package org.patientedu.fhirserver.readcache;

import java.util.List;
import java.util.Map;

/**
 * An answer exactly as it was given: status 200, the headers a client relies on (content type,
 * ETag, Last-Modified, Content-Location, ...) and the body bytes.
 */
record EncodedResponse(String etag, List<Map.Entry<String, String>> headers, byte[] body) {

  /** About what it holds in memory under {@code key}. */
  int weight(String key) {
    return body.length + 64 * headers.size() + 2 * key.length();
  }
}
