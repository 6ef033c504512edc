package org.patientedu.handouts;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language the pages speak to their reader: chosen with {@code ?lang=es} (kept in a cookie so
 * the next page stays in it), else the browser's Accept-Language, among the languages the pages are
 * written in (messages_*.properties); English otherwise. The country is kept (es-MX, en-GB): it
 * picks the paper size and the date format. A language the pages are not written in is never
 * chosen, so a page never formats its dates in one language and its words in another.
 */
final class ReaderLanguage {

  /** The languages of messages.properties (English) and its translations. */
  static final Set<String> WRITTEN_IN = Set.of("en", "es");

  static final String PARAMETER = "lang";

  /** The cookie that keeps the reader's choice. */
  static final String COOKIE = "handouts-lang";

  /** Takes a {@code ?lang} choice: for the dispatcher, and for the page cache (below). */
  static final LocaleChangeInterceptor CHANGE_INTERCEPTOR = newChangeInterceptor();

  private ReaderLanguage() {}

  static CookieLocaleResolver resolver() {
    CookieLocaleResolver resolver = new SupportedOnly();
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(ReaderLanguage::fromAcceptLanguage);
    return resolver;
  }

  private static LocaleChangeInterceptor newChangeInterceptor() {
    LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
    interceptor.setParamName(PARAMETER);
    interceptor.setIgnoreInvalidLocale(true);
    return interceptor;
  }

  /**
   * Takes a {@code ?lang} choice exactly as a rendered page does (the change interceptor: the
   * cookie, and the reader's language for this request), for a page answered without Spring MVC's
   * dispatcher (the page cache replays it).
   */
  static void takeChoiceOutsideDispatcher(
      HttpServletRequest request, HttpServletResponse response, LocaleResolver resolver) {
    if (request.getParameter(PARAMETER) == null) {
      return;
    }
    // What the dispatcher does before its interceptors run: they find the resolver here.
    request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, resolver);
    try {
      CHANGE_INTERCEPTOR.preHandle(request, response, null);
    } catch (ServletException unexpected) {
      throw new IllegalStateException(unexpected);
    }
  }

  static boolean written(Locale locale) {
    return locale != null && WRITTEN_IN.contains(locale.getLanguage());
  }

  /** The browser's preferred language that the pages are written in, best first. */
  private static Locale fromAcceptLanguage(HttpServletRequest request) {
    if (request.getHeader("Accept-Language") != null) {
      for (Locale wanted : Collections.list(request.getLocales())) {
        if (written(wanted)) {
          return wanted;
        }
      }
    }
    return Locale.ENGLISH;
  }

  /** Takes a ?lang only in a language the pages are written in; any other is ignored. */
  private static final class SupportedOnly extends CookieLocaleResolver {

    SupportedOnly() {
      super(COOKIE);
    }

    @Override
    public void setLocaleContext(
        HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
      Locale locale = context == null ? null : context.getLocale();
      if (locale == null || written(locale)) {
        super.setLocaleContext(request, response, context);
      }
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
      Locale resolved = super.resolveLocale(request);
      return written(resolved) ? resolved : fromAcceptLanguage(request);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
      return new SimpleLocaleContext(resolveLocale(request));
    }
  }
}
