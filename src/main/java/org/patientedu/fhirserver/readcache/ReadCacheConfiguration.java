package org.patientedu.fhirserver.readcache;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Duration;
import java.util.List;
import org.patientedu.fhirserver.LocalCommits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The read and search caches in front of the FHIR servlet ({@code edu.read-cache.*}), and what they
 * share with other features' caches: the one query into HAPI's resource table ({@link
 * CurrentVersions}) and answers keyed by what they read ({@link FingerprintedQuestions}).
 */
@Configuration(proxyBeanMethods = false)
@Import(ReusedParses.class) // the loader of search results, in place of HAPI's
class ReadCacheConfiguration {

  /** After the readiness check and the refusal counter, before everything else. */
  private static final int FRONT_DOOR_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

  @Bean
  CurrentVersions currentVersions(JdbcTemplate jdbc, LocalCommits commits) {
    return new CurrentVersions(jdbc, commits);
  }

  /** The in-memory views of each resource type that features hold (one per type, shared). */
  @Bean
  SharedResourceViews sharedResourceViews(
      DaoRegistry daoRegistry, CurrentVersions currentVersions) {
    return new SharedResourceViews(daoRegistry, currentVersions);
  }

  /** For every cache whose answers are keyed by what they read: these and the features' own. */
  @Bean
  FingerprintedQuestions fingerprintedQuestions(
      CurrentVersions currentVersions, ReadCacheProperties properties) {
    return new FingerprintedQuestions(currentVersions, properties.settle());
  }

  @Bean
  EncodedReadCacheFilter encodedReadCacheFilter(
      CurrentVersions currentVersions, ReadCacheProperties properties) {
    EncodedReadCacheFilter filter =
        new EncodedReadCacheFilter(currentVersions, properties.maxSize().toBytes());
    if (!properties.enabled()) {
      filter.standAside(); // nor at the front door
    }
    return filter;
  }

  @Bean
  EncodedSearchCacheFilter encodedSearchCacheFilter(
      FingerprintedQuestions questions,
      ReadCacheProperties properties,
      JpaStorageSettings storageSettings) {
    Duration resultSetsKept =
        Duration.ofMillis(storageSettings.getExpireSearchResultsAfterMillis());
    if (properties.searchMaxAge().compareTo(resultSetsKept.dividedBy(2)) > 0) {
      throw new IllegalStateException(
          "edu.read-cache.search-max-age ("
              + properties.searchMaxAge()
              + ") must be at most half of the "
              + resultSetsKept
              + " HAPI keeps a search's result set, or replayed next links could lead nowhere");
    }
    EncodedSearchCacheFilter filter =
        new EncodedSearchCacheFilter(
            questions, properties.searchMaxSize().toBytes(), properties.searchMaxAge());
    if (!properties.searches()) {
      filter.standAside(); // nor at the front door
    }
    return filter;
  }

  @Bean
  FilterRegistrationBean<EncodedSearchCacheFilter> encodedSearchCacheFilterRegistration(
      EncodedSearchCacheFilter filter, ReadCacheProperties properties) {
    FilterRegistrationBean<EncodedSearchCacheFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setEnabled(properties.searches());
    registration.setUrlPatterns(List.of("/fhir/*"));
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  @Bean
  FilterRegistrationBean<EncodedReadCacheFilter> encodedReadCacheFilterRegistration(
      EncodedReadCacheFilter filter, ReadCacheProperties properties) {
    FilterRegistrationBean<EncodedReadCacheFilter> registration =
        new FilterRegistrationBean<>(filter);
    // Off: the filter is never put in front of the servlet, so every read goes to HAPI.
    registration.setEnabled(properties.enabled());
    registration.setUrlPatterns(List.of("/fhir/*"));
    // Before the other FHIR filters: a hit needs none of them.
    registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
    return registration;
  }

  /**
   * In front of every filter but the readiness check and the refusal counter: an anonymous repeat
   * of a read, a search or a handout page is answered before the security chain (every {@link
   * EncodedAnswerFilter} bean, whichever feature it belongs to, is asked in turn).
   */
  @Bean
  FilterRegistrationBean<AnonymousFrontDoor> anonymousFrontDoorRegistration(
      ObjectProvider<EncodedAnswerFilter> caches, ReadCacheProperties properties) {
    FilterRegistrationBean<AnonymousFrontDoor> registration =
        new FilterRegistrationBean<>(new AnonymousFrontDoor(caches.orderedStream().toList()));
    registration.setEnabled(properties.frontDoor());
    registration.setUrlPatterns(List.of("/*"));
    registration.setOrder(FRONT_DOOR_ORDER);
    return registration;
  }

  /**
   * The request metrics ({@code http.server.requests}, Spring Boot's observation filter) behind the
   * front door: Spring Boot puts them at {@code HIGHEST_PRECEDENCE + 1}, where they wrapped every
   * answer the front door gave and cost about a sixth of a cached read's CPU (JFR, {@code wrk
   * -c32}). The caches count their own hits ({@code edu.catalog.*.cached}); every request the front
   * door passes on is still observed. Spring Boot has no setting for this filter's order.
   */
  @Bean
  static BeanPostProcessor requestMetricsBehindTheFrontDoor() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof FilterRegistrationBean<?> registration
            && registration.getFilter() instanceof ServerHttpObservationFilter) {
          registration.setOrder(FRONT_DOOR_ORDER + 1);
        }
        return bean;
      }
    };
  }
}
