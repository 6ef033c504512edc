package org.patientedu.cdshooks;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call of a service or its feedback ({@code POST /cds-services/...}) carries the EHR's signed
 * JWT, checked before the body is read; discovery and CORS preflights need none. The JWT's {@code
 * aud} is the service's address as the EHR reached it (behind a proxy set {@code
 * server.forward-headers-strategy}); for feedback the service's or the feedback endpoint's.
 */
final class HookAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";
  private static final String FEEDBACK_SUFFIX = "/feedback";

  private final HookJwtVerifier verifier;
  private final boolean allowUnsigned;

  HookAuthenticationFilter(HookJwtVerifier verifier, boolean allowUnsigned) {
    this.verifier = verifier;
    this.allowUnsigned = allowUnsigned;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization == null || authorization.isBlank()) {
      if (allowUnsigned) {
        chain.doFilter(request, response);
        return;
      }
      refuse(response, "A hook call needs the EHR's signed JWT in Authorization: Bearer");
      return;
    }
    if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      refuse(response, "Authorization must be a Bearer JWT");
      return;
    }
    String address = request.getRequestURL().toString();
    List<String> audiences =
        address.endsWith(FEEDBACK_SUFFIX)
            ? List.of(address, address.substring(0, address.length() - FEEDBACK_SUFFIX.length()))
            : List.of(address);
    try {
      verifier.verify(authorization.substring(BEARER.length()).strip(), audiences);
    } catch (HookJwtVerifier.Refused refused) {
      refuse(response, refused.getMessage());
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, String message) throws IOException {
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getOutputStream().write(HookErrors.body(message));
  }
}
