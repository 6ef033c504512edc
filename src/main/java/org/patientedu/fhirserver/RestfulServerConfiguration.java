package org.patientedu.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.ETagSupportEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The REST face of the store: {@code /fhir}, JSON and XML. */
@Configuration(proxyBeanMethods = false)
class RestfulServerConfiguration {

  static final String FHIR_PATH = "/fhir";

  /** Spring Security's filter chain runs at order -100. */
  private static final int AFTER_SECURITY = 0;

  @Bean
  RestfulServer fhirRestfulServer(
      FhirContext fhirContext,
      FhirServerProperties properties,
      RequestLimitsProperties limits,
      DataSource dataSource,
      ResourceProviderFactory resourceProviders,
      JpaSystemProvider<?, ?> systemProvider,
      DatabaseBackedPagingProvider pagingProvider,
      IFhirSystemDao<?, ?> systemDao,
      JpaStorageSettings storageSettings,
      ISearchParamRegistry searchParamRegistry,
      IValidationSupport validationSupport,
      ObjectProvider<FhirServerPlugin> plugins) {
    // HAPI's own FhirContext (the JPA store's), tuned once here:
    // unknown elements in a request body are an error the sender must hear about, not a silent
    // drop;
    fhirContext.setParserErrorHandler(new StrictErrorHandler());
    // a Provenance names the exact versions it speaks for (HAPI strips versions from references
    // otherwise).
    fhirContext.getParserOptions().setDontStripVersionsFromReferencesAtPaths("Provenance.target");
    // no reference of ours carries an unsaved resource to contain, so the encoder need not walk
    // every resource it writes looking for one (11 % of an uncached search at 10,000 pages, JFR).
    fhirContext.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);

    RestfulServer server =
        new RestfulServer(fhirContext) {
          @Override
          public void addHeadersToResponse(HttpServletResponse response) {
            // No X-Powered-By: the server does not announce its software and version to callers.
          }
        };
    server.setServerName("Patient education content module");
    server.setImplementationDescription(
        "Patient-education Library and DocumentReference resources");
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setETagSupport(ETagSupportEnum.ENABLED);

    pagingProvider.setDefaultPageSize(properties.defaultPageSize());
    pagingProvider.setMaximumPageSize(properties.maxPageSize());
    server.setPagingProvider(pagingProvider);

    server.registerProviders(resourceProviders.createProviders());
    server.registerProvider(systemProvider);

    JpaCapabilityStatementProvider capabilities =
        new JpaCapabilityStatementProvider(
            server, systemDao, storageSettings, searchParamRegistry, validationSupport);
    capabilities.setImplementationDescription("Patient-education content module (FHIR R4)");
    server.setServerConformanceProvider(capabilities);

    server.registerInterceptor(new RequestShapeGuard(limits));
    server.registerInterceptor(
        new FailureAnswers(limits.statementTimeout(), () -> isReachable(dataSource)));
    server.registerInterceptor(new CapabilityStatementCustomizer());
    server.registerInterceptor(new ContentSearchOverNarrativeInterceptor());
    if (properties.offsetPaging()) {
      server.registerInterceptor(new OffsetPaging());
    }
    // Features (security, audit, review lifecycle, ...) add their providers and interceptors here;
    // who may do what is the security feature's.
    plugins.orderedStream().forEach(plugin -> plugin.configure(server));
    return server;
  }

  private static boolean isReachable(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer server) {
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(server, FHIR_PATH + "/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }

  /**
   * Before Spring Security (order -100): a node still starting answers 503 whoever asks, and so
   * does one whose database is gone. The filters below run after it, so they never see a request
   * without a valid credential that needs one, and never read its body.
   */
  @Bean
  FilterRegistrationBean<AvailabilityFilter> availabilityFilter(NodeReadiness readiness) {
    FilterRegistrationBean<AvailabilityFilter> registration =
        new FilterRegistrationBean<>(new AvailabilityFilter(readiness));
    registration.setUrlPatterns(List.of(FHIR_PATH + "/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  @Bean
  FilterRegistrationBean<QuietRefusals> quietRefusals(MeterRegistry meters) {
    FilterRegistrationBean<QuietRefusals> registration =
        new FilterRegistrationBean<>(new QuietRefusals(meters));
    registration.setUrlPatterns(List.of(FHIR_PATH + "/*"));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ConcurrentWritesFilter> concurrentWritesFilter(
      RequestLimitsProperties limits) {
    FilterRegistrationBean<ConcurrentWritesFilter> registration =
        new FilterRegistrationBean<>(new ConcurrentWritesFilter(limits.maxConcurrentWrites()));
    registration.setUrlPatterns(List.of(FHIR_PATH + "/*"));
    registration.setOrder(AFTER_SECURITY);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
      FhirServerProperties properties, RequestLimitsProperties limits) {
    FilterRegistrationBean<RequestBodyLimitFilter> registration =
        new FilterRegistrationBean<>(
            new RequestBodyLimitFilter(
                properties.maxRequestBody().toBytes(),
                new InFlightBodyBudget(limits.inFlightBodies().toBytes())));
    registration.setUrlPatterns(List.of(FHIR_PATH + "/*"));
    registration.setOrder(AFTER_SECURITY + 1);
    return registration;
  }

  /** Innermost: the deadline counts HAPI's work, not the time a client takes to send its body. */
  @Bean
  FilterRegistrationBean<RequestDeadlineFilter> requestDeadlineFilter(
      RequestLimitsProperties limits) {
    FilterRegistrationBean<RequestDeadlineFilter> registration =
        new FilterRegistrationBean<>(new RequestDeadlineFilter(limits.requestDeadline()));
    registration.setUrlPatterns(List.of(FHIR_PATH + "/*"));
    registration.setOrder(AFTER_SECURITY + 2);
    return registration;
  }

  /** Every database connection with its statement timeout; static: it post-processes beans. */
  @Bean
  static StatementTimeout statementTimeout(ObjectProvider<RequestLimitsProperties> limits) {
    return new StatementTimeout(() -> limits.getObject().statementTimeout());
  }

  @Bean
  FilterRegistrationBean<FlushCoalescingFilter> flushCoalescingFilter() {
    FilterRegistrationBean<FlushCoalescingFilter> registration =
        new FilterRegistrationBean<>(new FlushCoalescingFilter());
    registration.setUrlPatterns(List.of(FHIR_PATH + "/*"));
    return registration;
  }
}
