package org.patientedu.fhirserver;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards request bodies before HAPI parses anything, each refusal with an OperationOutcome: bodies
 * above the configured size get 413; a body that does not fit in the in-flight budget ({@link
 * InFlightBodyBudget}) gets 503 with {@code Retry-After}; XML carrying a DOCTYPE (the door to
 * external-entity and entity-expansion attacks) gets 400; so do bytes that are not UTF-8 and JSON
 * with a key twice in one object (HAPI would store U+FFFD, or keep the last value, silently).
 * Bodies are read once, bounded by the limit; the budget is given back when the request ends,
 * answered or cut off by its client. Runs after Spring Security, so a write without a valid
 * credential is refused from its headers and its body is never read.
 */
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE", Pattern.CASE_INSENSITIVE);
  private static final int CHUNK = 64 * 1024;

  /**
   * Jackson's own checks, in one streaming pass without building anything: a repeated key, bytes
   * that are not UTF-8. HAPI's parser keeps its Jackson settings to itself, so they are checked
   * here.
   */
  private static final JsonFactory STRICT_JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final long maxBytes;
  private final InFlightBodyBudget budget;

  RequestBodyLimitFilter(long maxBytes, InFlightBodyBudget budget) {
    this.maxBytes = maxBytes;
    this.budget = budget;
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
    // A declared body is reserved whole before its first byte is read: a slow upload holds its
    // share from the start, and a body that cannot fit is refused from its headers. A chunked
    // body (no Content-Length) reserves as it arrives.
    long declared = request.getContentLengthLong();
    long reserved = 0;
    try {
      if (declared > 0) {
        if (!budget.tryReserve(declared)) {
          refuseBusy(response);
          return;
        }
        reserved = declared;
      }
      ByteArrayOutputStream read = new ByteArrayOutputStream(CHUNK); // grows with what arrives
      InputStream in = request.getInputStream();
      byte[] chunk = new byte[CHUNK];
      while (true) {
        int n = in.readNBytes(chunk, 0, chunk.length);
        if (n == 0) {
          break;
        }
        long needed = (long) read.size() + n;
        if (needed > maxBytes) {
          refuse(
              response,
              HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
              "too-long",
              tooLargeMessage());
          return;
        }
        if (needed > reserved) {
          if (!budget.tryReserve(needed - reserved)) {
            refuseBusy(response);
            return;
          }
          reserved = needed;
        }
        read.write(chunk, 0, n);
      }
      byte[] body = read.toByteArray();
      String badContent = badContent(request, body);
      if (badContent != null) {
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, "structure", badContent);
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
    } finally {
      budget.release(reserved);
    }
  }

  private static void refuseBusy(HttpServletResponse response) throws IOException {
    response.setHeader("Retry-After", FailureAnswers.RETRY_AFTER_SECONDS);
    refuse(
        response,
        HttpServletResponse.SC_SERVICE_UNAVAILABLE,
        "transient",
        "The server is holding as many request bodies as it may at once (setting"
            + " edu.limits.in-flight-bodies); nothing was changed. Try again shortly.");
  }

  /** Why the body cannot be taken as the text it claims to be, or null. */
  private static String badContent(HttpServletRequest request, byte[] body) {
    String charset = request.getCharacterEncoding();
    if (charset != null && !"UTF-8".equalsIgnoreCase(charset)) {
      return null; // declared otherwise: the parser decodes it as declared
    }
    if (isJson(request)) {
      try (JsonParser parser = STRICT_JSON.createParser(body)) {
        while (parser.nextToken() != null) {
          // only the checks matter
        }
      } catch (JsonParseException e) {
        String problem = e.getOriginalMessage();
        if (!problem.startsWith("Duplicate field") && !problem.contains("UTF-8")) {
          return null; // any other malformation: HAPI's parser says what is wrong in its words
        }
        return "The JSON body is not acceptable: "
            + problem
            + " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ").";
      } catch (IOException e) {
        return "The JSON body could not be read.";
      }
      return null;
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body));
      return null;
    } catch (CharacterCodingException e) {
      return "The body is not valid UTF-8 text (charset UTF-8 is assumed when none is declared).";
    }
  }

  private static boolean isJson(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).contains("json");
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
