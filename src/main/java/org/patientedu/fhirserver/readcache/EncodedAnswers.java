package org.patientedu.fhirserver.readcache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What the read and search caches share: what else an answer depends on, recording, replaying. */
final class EncodedAnswers {

  /** Per-request or per-connection headers that must not be replayed. */
  private static final Set<String> NOT_REPLAYED =
      Set.of(
          "date",
          "content-length",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "x-request-id",
          "set-cookie");

  private static final String REQUEST_ID = "X-Request-ID";

  private EncodedAnswers() {}

  /**
   * The request headers HAPI's answer depends on besides the URL: the format asked for, gzip, and
   * the host and forwarding headers (HAPI writes absolute URLs into links and Content-Location).
   */
  static String variant(HttpServletRequest request) {
    String acceptEncoding =
        String.valueOf(request.getHeader("Accept-Encoding")).toLowerCase(Locale.ROOT);
    return String.join(
        "\n",
        String.valueOf(request.getHeader("Accept")),
        Boolean.toString(acceptEncoding.contains("gzip")),
        String.valueOf(request.getHeader("Prefer")),
        String.valueOf(request.getHeader("Host")),
        String.valueOf(request.getHeader("X-Forwarded-Host")),
        String.valueOf(request.getHeader("X-Forwarded-Proto")),
        String.valueOf(request.getHeader("X-Forwarded-Prefix")),
        String.valueOf(request.getHeader("Forwarded")),
        request.getScheme());
  }

  /**
   * The headers already on {@code response}: set by the filters before the cache (CORS, security
   * headers), which set them again on the request a cached answer is replayed to.
   */
  static List<Map.Entry<String, String>> headersSoFar(HttpServletResponse response) {
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    for (String name : response.getHeaderNames()) {
      for (String value : response.getHeaders(name)) {
        headers.add(Map.entry(name, value));
      }
    }
    return headers;
  }

  /**
   * The answer HAPI gave, as recorded, without the headers that were {@code setBefore} it ran (a
   * replay would send them twice, or a CORS header meant for another origin); {@code etag} null for
   * answers that have none.
   */
  static EncodedResponse recorded(
      String etag,
      HttpServletResponse response,
      List<Map.Entry<String, String>> setBefore,
      byte[] body) {
    List<Map.Entry<String, String>> headers = headersSoFar(response);
    setBefore.forEach(headers::remove);
    headers.removeIf(header -> NOT_REPLAYED.contains(header.getKey().toLowerCase(Locale.ROOT)));
    if (response.getContentType() != null
        && headers.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
      headers.add(Map.entry("Content-Type", response.getContentType()));
    }
    return new EncodedResponse(etag, List.copyOf(headers), body);
  }

  static void replay(
      EncodedResponse cached, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String requestId = request.getHeader(REQUEST_ID);
    if (requestId != null) {
      response.setHeader(REQUEST_ID, requestId);
    }
    if (cached.etag() != null && cached.etag().equals(request.getHeader("If-None-Match"))) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      response.setHeader("ETag", cached.etag());
      return;
    }
    response.setStatus(HttpServletResponse.SC_OK);
    for (Map.Entry<String, String> header : cached.headers()) {
      response.addHeader(header.getKey(), header.getValue());
    }
    response.setContentLength(cached.body().length);
    response.getOutputStream().write(cached.body());
  }
}
