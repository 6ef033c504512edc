package org.patientedu.handouts;

import java.time.Clock;
import java.util.List;
import org.patientedu.fhirserver.NodeReadiness;
import org.patientedu.fhirserver.readcache.FingerprintedQuestions;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The handout pages' security headers and their reader's language: the catalog, the handouts, their
 * static files, the error pages, and the implementation guide's pages ({@code /ig/}). Not on {@code
 * /fhir} (its own servlet) or the actuator. And the cache of rendered pages in front of them.
 */
@Configuration(proxyBeanMethods = false)
class HandoutsWebConfiguration implements WebMvcConfigurer {

  private final NodeReadiness readiness;

  HandoutsWebConfiguration(NodeReadiness readiness) {
    this.readiness = readiness;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new SecurityHeadersInterceptor())
        .addPathPatterns(
            "/", "/handouts/**", "/error", "/css/**", "/js/**", "/fonts/**", "/ig", "/ig/**");
    registry.addInterceptor(ReaderLanguage.CHANGE_INTERCEPTOR).addPathPatterns("/", "/handouts/**");
    // after the language is set, so the "loading" page is in the reader's language
    registry
        .addInterceptor(new NodeStartingInterceptor(readiness))
        .addPathPatterns("/", "/handouts/**");
  }

  /** Named as DispatcherServlet looks it up; replaces Spring Boot's Accept-Language default. */
  @Bean
  LocaleResolver localeResolver() {
    return ReaderLanguage.resolver();
  }

  @Bean
  HandoutPageCache handoutPageCache(
      FingerprintedQuestions questions,
      LocaleResolver localeResolver,
      Clock clock,
      HandoutsProperties properties) {
    HandoutPageCache cache =
        new HandoutPageCache(
            questions, localeResolver, clock, properties.pageCacheMaxSize().toBytes());
    if (!properties.pageCacheEnabled()) {
      cache.standAside(); // nor at the anonymous front door
    }
    return cache;
  }

  /** After Spring Security's filters (a request they refuse never reaches it), before MVC. */
  @Bean
  FilterRegistrationBean<HandoutPageCache> handoutPageCacheRegistration(
      HandoutPageCache cache, HandoutsProperties properties) {
    FilterRegistrationBean<HandoutPageCache> registration = new FilterRegistrationBean<>(cache);
    // Off: the filter is never put in front of the pages, so every page is rendered.
    registration.setEnabled(properties.pageCacheEnabled());
    registration.setUrlPatterns(List.of("/", "/handouts/*"));
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
