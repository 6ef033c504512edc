package org.patientedu.fhirserver.readcache;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;

/** The read cache in front of the FHIR servlet ({@code edu.read-cache.*}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "edu.read-cache.enabled", havingValue = "true", matchIfMissing = true)
class ReadCacheConfiguration {

  @Bean
  EncodedReadCacheFilter encodedReadCacheFilter(
      JdbcTemplate jdbc, @Value("${edu.read-cache.max-size:64MB}") DataSize maxSize) {
    return new EncodedReadCacheFilter(new CurrentVersions(jdbc), maxSize.toBytes());
  }

  @Bean
  FilterRegistrationBean<EncodedReadCacheFilter> encodedReadCacheFilterRegistration(
      EncodedReadCacheFilter filter) {
    FilterRegistrationBean<EncodedReadCacheFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setUrlPatterns(List.of("/fhir/*"));
    // Before the other FHIR filters: a hit needs none of them.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }
}
