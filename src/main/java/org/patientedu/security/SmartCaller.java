package org.patientedu.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/** Who is calling: the grant of the current request, anonymous when it presented no credential. */
public final class SmartCaller {

  private static final RequestAttributeSecurityContextRepository REQUEST_CONTEXT =
      new RequestAttributeSecurityContextRepository();

  private SmartCaller() {}

  /** The caller of the request this thread is serving (inside the security filter chain). */
  public static Grant current() {
    return grantOf(SecurityContextHolder.getContext().getAuthentication());
  }

  /**
   * The caller of {@code request}, also after the security filter chain has finished with it (the
   * bearer-token filter keeps the authentication as a request attribute).
   */
  public static Grant of(HttpServletRequest request) {
    Grant current = current();
    if (!current.isAnonymous()) {
      return current;
    }
    SecurityContext context = REQUEST_CONTEXT.loadDeferredContext(request).get();
    return context == null ? Grant.anonymous() : grantOf(context.getAuthentication());
  }

  private static Grant grantOf(Authentication authentication) {
    return authentication instanceof SmartAuthentication smart ? smart.grant() : Grant.anonymous();
  }
}
