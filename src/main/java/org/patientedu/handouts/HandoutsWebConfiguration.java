package org.patientedu.handouts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The handout pages' security headers and their reader's language: the catalog, the handouts, their
 * static files, the error pages, and the implementation guide's pages ({@code /ig/}). Not on {@code
 * /fhir} (its own servlet) or the actuator.
 */
@Configuration(proxyBeanMethods = false)
class HandoutsWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new SecurityHeadersInterceptor())
        .addPathPatterns(
            "/", "/handouts/**", "/error", "/css/**", "/js/**", "/fonts/**", "/ig", "/ig/**");
    registry
        .addInterceptor(ReaderLanguage.changeInterceptor())
        .addPathPatterns("/", "/handouts/**");
  }

  /** Named as DispatcherServlet looks it up; replaces Spring Boot's Accept-Language default. */
  @Bean
  LocaleResolver localeResolver() {
    return ReaderLanguage.resolver();
  }
}
