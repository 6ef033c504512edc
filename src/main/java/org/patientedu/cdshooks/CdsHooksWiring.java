package org.patientedu.cdshooks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.hapi.fhir.cdshooks.api.CDSHooksVersion;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsServiceRegistry;
import ca.uhn.hapi.fhir.cdshooks.serializer.CdsServiceRequestJsonDeserializer;
import ca.uhn.hapi.fhir.cdshooks.svc.CdsHooksContextBooter;
import ca.uhn.hapi.fhir.cdshooks.svc.CdsServiceRegistryImpl;
import ca.uhn.hapi.fhir.cdshooks.svc.prefetch.CdsPrefetchDaoSvc;
import ca.uhn.hapi.fhir.cdshooks.svc.prefetch.CdsPrefetchFhirClientSvc;
import ca.uhn.hapi.fhir.cdshooks.svc.prefetch.CdsPrefetchSvc;
import ca.uhn.hapi.fhir.cdshooks.svc.prefetch.CdsResolutionStrategySvc;
import java.time.Clock;
import java.util.List;
import org.patientedu.cdshooks.feedback.FeedbackLedger;
import org.patientedu.education.EducationFinder;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.educationgiven.RecordTickets;
import org.patientedu.security.JtiLedger;
import org.patientedu.security.SecurityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * HAPI's CDS Hooks registry, built here from its parts rather than by importing its {@code
 * CdsHooksConfig}: that configuration declares an {@code ObjectMapper} bean (which would replace
 * Spring Boot's for every JSON answer of the application) and resolves missing prefetch from this
 * server's own FHIR store when the EHR gives no {@code fhirServer}, which holds no chart of the
 * EHR's. Here missing prefetch comes only from the EHR's {@code fhirServer}.
 */
@Configuration(proxyBeanMethods = false)
class CdsHooksWiring {

  private static final Logger log = LoggerFactory.getLogger(CdsHooksWiring.class);

  @Bean
  CdsJson cdsJson(FhirContext fhirContext) {
    return new CdsJson(fhirContext);
  }

  @Bean
  ICdsServiceRegistry cdsServiceRegistry(FhirContext fhirContext, CdsJson json) {
    CdsPrefetchSvc prefetch =
        new CdsPrefetchSvc(
            // No DaoRegistry: never the DAO strategy (this server's store).
            new CdsResolutionStrategySvc(null),
            new CdsPrefetchDaoSvc(null, null, fhirContext),
            new CdsPrefetchFhirClientSvc(fhirContext),
            resource -> {
              throw new ForbiddenOperationException("Prefetch never reads this server's store");
            },
            null);
    // V_2_0: a fhirServer must be https (HAPI checks; 400 otherwise).
    return new CdsServiceRegistryImpl(
        new CdsHooksContextBooter(),
        prefetch,
        json.reader(),
        new CdsServiceRequestJsonDeserializer(fhirContext, json.reader()),
        CDSHooksVersion.V_2_0);
  }

  @Bean
  CardBuilder cardBuilder(
      HandoutAddresses addresses,
      Clock clock,
      RecordTickets tickets,
      CdsHooksProperties properties) {
    return new CardBuilder(addresses, clock, tickets, properties.recordTicketLifetime());
  }

  @Bean
  EducationServices educationServices(
      ICdsServiceRegistry registry,
      EducationFinder finder,
      CardBuilder cards,
      FeedbackLedger ledger,
      DaoRegistry daoRegistry,
      CdsHooksProperties properties) {
    return new EducationServices(
        registry, finder, cards, ledger, daoRegistry, properties.maxCards());
  }

  /**
   * {@code /cds-services}: its own chain, before the pages' catch-all: no SMART token, the EHR's
   * JWT instead ({@link HookAuthenticationFilter}), CORS for the EHR origins configured.
   */
  @Bean
  @Order(2)
  SecurityFilterChain cdsHooksSecurity(
      HttpSecurity http,
      CdsHooksProperties properties,
      SecurityProperties security,
      JtiLedger jtiLedger)
      throws Exception {
    HookJwtVerifier verifier = new HookJwtVerifier(properties.clients(), jtiLedger);
    List<String> origins = security.security().corsOrigins();
    http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/cds-services/**"))
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .headers(headers -> headers.cacheControl(cache -> cache.disable()))
        .cors(
            cors -> {
              if (origins.isEmpty()) {
                cors.disable();
              } else {
                cors.configurationSource(cors(origins));
              }
            })
        .addFilterBefore(
            new HookAuthenticationFilter(verifier, properties.allowUnsigned()),
            AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }

  @Bean
  ApplicationRunner cdsHooksWarnings(CdsHooksProperties properties, HandoutAddresses addresses) {
    return args -> {
      if (properties.allowUnsigned()) {
        log.warn(
            "edu.cds-hooks.allow-unsigned is true: CDS Hooks calls without a JWT are accepted."
                + " Development only; never behind a public address.");
      }
      if (properties.clients().isEmpty() && !properties.allowUnsigned()) {
        log.warn(
            "No CDS Hooks client is configured (edu.cds-hooks.clients): every hook call is"
                + " refused until one is.");
      }
      if (addresses.configuredBase().isEmpty()) {
        log.warn(
            "edu.handouts.public-base-url is not set: the CDS Hooks services answer 503, since"
                + " their cards link to handouts.");
      }
    };
  }

  private static UrlBasedCorsConfigurationSource cors(List<String> origins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
    // The EHR's JWT, never cookies.
    cors.setAllowCredentials(false);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return source;
  }
}
