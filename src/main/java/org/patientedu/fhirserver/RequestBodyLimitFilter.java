package org.patientedu.fhirserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards request bodies before HAPI parses anything: bodies above the configured size get 413, and
 * XML carrying a DOCTYPE (the door to external-entity and entity-expansion attacks) gets 400, each
 * with an OperationOutcome. Bodies are read once, bounded by the limit.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);

  private final long maxBytes;

  RequestBodyLimitFilter(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      refuse(
          response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too-long", tooLargeMessage());
      return;
    }
    if (!hasBody(request) || isForm(request)) {
      // Form posts (search by POST) are read by the container as parameters; Content-Length and
      // Tomcat's own form size limit guard them.
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
    if (body.length > maxBytes) {
      refuse(
          response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too-long", tooLargeMessage());
      return;
    }
    if (isXml(request) && DOCTYPE.matcher(new String(body, StandardCharsets.ISO_8859_1)).find()) {
      refuse(
          response,
          HttpServletResponse.SC_BAD_REQUEST,
          "security",
          "XML with a DOCTYPE declaration is not accepted (no DTDs or entities in FHIR XML).");
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
  }

  private static boolean isForm(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private static boolean isXml(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).contains("xml");
  }

  private String tooLargeMessage() {
    return "The request body is larger than this server accepts ("
        + maxBytes
        + " bytes; setting edu.max-request-body).";
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
  }

  private static void refuse(
      HttpServletResponse response, int status, String issueCode, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/fhir+json;charset=UTF-8");
    response
        .getOutputStream()
        .write(OperationOutcomes.errorJson(issueCode, message).getBytes(StandardCharsets.UTF_8));
  }

  /** The body, already read, handed on to HAPI. */
  private static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
