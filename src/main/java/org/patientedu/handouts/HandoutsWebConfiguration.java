package org.patientedu.handouts;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The handout pages' security headers, on every page Spring MVC serves (the FHIR servlet is apart). */
@Configuration(proxyBeanMethods = false)
class HandoutsWebConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new SecurityHeadersInterceptor())
        .addPathPatterns("/**")
        .excludePathPatterns("/fhir/**", "/actuator/**");
  }
}
