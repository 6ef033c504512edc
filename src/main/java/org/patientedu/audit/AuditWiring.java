package org.patientedu.audit;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.patientedu.fhirserver.readcache.EncodedReadCacheFilter;
import org.patientedu.fhirserver.readcache.EncodedSearchCacheFilter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The audit trail, plugged in: HAPI's BALP interceptor for reads, searches and writes, our own
 * events for operations, history, refusals and token requests, all stored by {@link AuditTrail}.
 */
@Configuration(proxyBeanMethods = false)
class AuditWiring {

  private static final String ENTITY_PATH = "AuditEvent.entity.what";

  @Bean
  AuditTrail auditTrail(
      DaoRegistry daoRegistry,
      MeterRegistry meters,
      AuditProperties properties,
      PlatformTransactionManager transactions,
      ObjectProvider<EncodedReadCacheFilter> readCache,
      ObjectProvider<EncodedSearchCacheFilter> searchCache) {
    // Reads the read cache answers never reach HAPI's audit interceptor: counted as such, or,
    // when every catalog read must leave an AuditEvent, not answered from the cache at all.
    if (properties.recordCatalogReads()) {
      readCache.ifAvailable(EncodedReadCacheFilter::standAside);
      searchCache.ifAvailable(EncodedSearchCacheFilter::standAside);
    } else {
      readCache.ifAvailable(
          cache ->
              FunctionCounter.builder(
                      AuditTrail.CATALOG_READS + ".cached", cache, EncodedReadCacheFilter::hits)
                  .description("Catalog reads answered from the read cache")
                  .register(meters));
      searchCache.ifAvailable(
          cache ->
              FunctionCounter.builder(
                      AuditTrail.CATALOG_SEARCHES_CACHED, cache, EncodedSearchCacheFilter::hits)
                  .description("Catalog searches answered from the search cache")
                  .register(meters));
    }
    return new AuditTrail(daoRegistry, meters, properties.recordCatalogReads(), transactions);
  }

  @Bean
  FormWrites formWrites(AuditTrail trail) {
    return new FormWrites(trail);
  }

  /** After the security plugin: only what authorization let through is recorded as done. */
  @Bean
  @Order(0)
  FhirServerPlugin auditPlugin(AuditTrail trail) {
    return server -> {
      // BALP names the exact version read or changed; keep it. A versioned reference also never
      // stops the resource from being deleted (HAPI refuses to delete what another resource
      // refers to without a version).
      Set<String> keptVersions =
          new HashSet<>(
              server
                  .getFhirContext()
                  .getParserOptions()
                  .getDontStripVersionsFromReferencesAtPaths());
      keptVersions.add(ENTITY_PATH);
      server
          .getFhirContext()
          .getParserOptions()
          .setDontStripVersionsFromReferencesAtPaths(keptVersions);
      server.registerInterceptor(new BalpAuditCaptureInterceptor(trail, new AuditContext()));
      server.registerInterceptor(new RestAuditInterceptor(trail));
    };
  }

  /** Around Spring Security's filter chain, so that it sees every refusal, whoever made it. */
  @Bean
  FilterRegistrationBean<RefusedRequestAudit> refusedRequestAudit(AuditTrail trail) {
    FilterRegistrationBean<RefusedRequestAudit> registration =
        new FilterRegistrationBean<>(new RefusedRequestAudit(trail));
    registration.setUrlPatterns(List.of("/fhir/*", RefusedRequestAudit.TOKEN_PATH));
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
    return registration;
  }
}
