package org.patientedu.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.authentication.JwtClientAssertionAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Who may do what, wired: Spring Security decides from the headers alone, before anything reads a
 * request body (a write without a valid credential is refused there, 401), then HAPI's
 * authorization applies the token's scopes to what the request does ({@link ScopeAuthorization}).
 * Spring Security's filters run before every other servlet filter (order -100), so before the
 * request-size guard and the read cache.
 *
 * <p>Three filter chains: the token endpoint (Spring Authorization Server, unless an external
 * identity provider issues the tokens), {@code /fhir}, and the pages (handouts, guide, health).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  /**
   * No observation (a timer with tags) around each of Spring Security's filters on every request:
   * nothing reads them (no metrics endpoint is exposed), and profiling the Infobutton under load
   * found them costing about as much CPU as the whole answer. Refusals are still logged and
   * audited, and the HTTP request metric stays.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** Used JWT ids: SMART client assertions and CDS Hooks calls alike. */
  @Bean
  JtiLedger jtiLedger(JdbcTemplate jdbc) {
    return new JtiLedger(jdbc);
  }

  /**
   * This server's signing key: for its access tokens when it issues them, and for the tickets it
   * signs for itself ({@link ServerSignedJwts}) in any case, with an external identity provider
   * too.
   */
  @Bean
  TokenSigningKeys tokenSigningKeys(SecurityProperties properties, JdbcTemplate jdbc) {
    return new TokenSigningKeys(properties.smart().signingKeyFile(), jdbc);
  }

  @Bean
  ServerSignedJwts serverSignedJwts(TokenSigningKeys keys) {
    return new ServerSignedJwts(keys);
  }

  @Bean
  SmartEndpoints smartEndpoints(SecurityProperties properties) {
    return new SmartEndpoints(properties.smart());
  }

  @Bean
  BearerAuthentication bearerAuthentication(
      JwtDecoder accessTokens, SecurityProperties properties) {
    if (properties.editorTokenEnabled()) {
      log.warn(
          "edu.editor-token is set: a static development credential with the scopes {} is"
              + " accepted. Never use it in production; use SMART Backend Services clients"
              + " (edu.smart.clients).",
          BearerTokens.EDITOR_TOKEN_SCOPES);
    }
    return new BearerAuthentication(
        BearerTokens.authenticationManager(accessTokens, properties.editorToken()));
  }

  @Bean
  @Order(2)
  SecurityFilterChain fhirSecurity(
      HttpSecurity http, SecurityProperties properties, BearerAuthentication bearer)
      throws Exception {
    boolean publicRead = properties.security().publicRead();
    List<String> origins = properties.security().corsOrigins();
    stateless(http)
        .securityMatcher(path("/fhir/**"))
        .cors(
            cors -> {
              if (origins.isEmpty()) {
                cors.disable();
              } else {
                cors.configurationSource(corsConfiguration(origins));
              }
            })
        .oauth2ResourceServer(
            server ->
                server
                    .authenticationManagerResolver(request -> bearer.manager())
                    .authenticationEntryPoint(FhirRefusals.entryPoint())
                    .accessDeniedHandler(FhirRefusals.accessDenied()))
        .exceptionHandling(
            refusals ->
                refusals
                    .authenticationEntryPoint(FhirRefusals.entryPoint())
                    .accessDeniedHandler(FhirRefusals.accessDenied()))
        .authorizeHttpRequests(
            requests -> {
              requests
                  .requestMatchers(path(HttpMethod.OPTIONS, "/fhir/**"))
                  .permitAll()
                  .requestMatchers(
                      path(HttpMethod.GET, "/fhir/metadata"),
                      path(HttpMethod.GET, SmartEndpoints.SMART_CONFIGURATION_PATH))
                  .permitAll();
              if (publicRead) {
                // Reads: HAPI's rules decide what each caller sees. Searches by POST are reads.
                requests
                    .requestMatchers(
                        path(HttpMethod.GET, "/fhir/**"),
                        path(HttpMethod.HEAD, "/fhir/**"),
                        path(HttpMethod.POST, "/fhir/_search"),
                        path(HttpMethod.POST, "/fhir/*/_search"))
                    .permitAll();
              }
              requests.anyRequest().authenticated();
            });
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain pageSecurity(
      HttpSecurity http, SecurityProperties properties, BearerAuthentication bearer)
      throws Exception {
    stateless(http);
    if (properties.security().publicRead()) {
      http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    } else {
      // Handouts and the guide show the catalog: with a token that may read it.
      http.oauth2ResourceServer(
              server -> server.authenticationManagerResolver(request -> bearer.manager()))
          .authorizeHttpRequests(
              requests ->
                  requests
                      .requestMatchers(path("/actuator/health/**"), path("/error"))
                      .permitAll()
                      .anyRequest()
                      .access(
                          (authentication, context) ->
                              new AuthorizationDecision(
                                  SmartCaller.current()
                                      .allows("Library", SmartScope.Permission.READ))));
    }
    return http.build();
  }

  @Bean
  ServletRegistrationBean<SmartConfigurationServlet> smartConfiguration(
      SmartEndpoints endpoints, ObjectMapper json) {
    ServletRegistrationBean<SmartConfigurationServlet> registration =
        new ServletRegistrationBean<>(
            new SmartConfigurationServlet(endpoints, json),
            SmartEndpoints.SMART_CONFIGURATION_PATH);
    registration.setName("smartConfiguration");
    return registration;
  }

  /** First among the FHIR server's plugins: refusals come before anything else looks. */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  FhirServerPlugin securityPlugin(SecurityProperties properties, SmartEndpoints endpoints) {
    boolean publicRead = properties.security().publicRead();
    return server -> {
      server.registerInterceptor(new ScopeAuthorization(publicRead));
      server.registerInterceptor(new SearchVisibility(publicRead));
      server.registerInterceptor(
          new SmartCapabilityStatement(
              endpoints, publicRead, !properties.security().corsOrigins().isEmpty()));
    };
  }

  /** This server issues the tokens: Spring Authorization Server at {@code /oauth2/token}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("'${edu.smart.issuer:}'.isBlank()")
  static class TokenEndpoint {

    @Bean
    SmartClients smartClients(SecurityProperties properties) {
      return SmartClients.from(properties.smart().clients(), properties.smart().tokenLifetime());
    }

    /** Access tokens signed here, checked by signature and time. */
    @Bean
    JwtDecoder accessTokenDecoder(TokenSigningKeys keys) {
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withPublicKey(keys.publicKey())
              .signatureAlgorithm(SignatureAlgorithm.RS256)
              .build();
      decoder.setJwtValidator(JwtValidators.createDefault());
      return decoder;
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpointSecurity(
        HttpSecurity http, SmartClients clients, JtiLedger jtiLedger) throws Exception {
      SmartClientAssertions assertions = new SmartClientAssertions(clients, jtiLedger);
      SmartScopeRequests scopes = new SmartScopeRequests();
      OAuth2AuthorizationServerConfigurer server =
          OAuth2AuthorizationServerConfigurer.authorizationServer();
      http.securityMatcher(
              new OrRequestMatcher(path(SmartEndpoints.TOKEN_PATH), path(SmartEndpoints.JWKS_PATH)))
          .with(
              server,
              authorizationServer ->
                  authorizationServer
                      .registeredClientRepository(clients.repository())
                      .authorizationService(new StatelessAuthorizations())
                      .authorizationServerSettings(AuthorizationServerSettings.builder().build())
                      .clientAuthentication(
                          clientAuthentication ->
                              clientAuthentication
                                  .authenticationConverter(new SmartClientAssertionConverter())
                                  .authenticationProviders(
                                      providers ->
                                          providers.forEach(
                                              provider -> {
                                                if (provider
                                                    instanceof
                                                    JwtClientAssertionAuthenticationProvider jwt) {
                                                  jwt.setJwtDecoderFactory(assertions);
                                                }
                                              })))
                      .tokenEndpoint(
                          tokenEndpoint ->
                              tokenEndpoint.authenticationProviders(
                                  providers ->
                                      providers.forEach(
                                          provider -> {
                                            if (provider
                                                instanceof
                                                OAuth2ClientCredentialsAuthenticationProvider
                                                    credentials) {
                                              credentials.setAuthenticationValidator(scopes);
                                            }
                                          }))))
          .authorizeHttpRequests(
              requests ->
                  requests
                      .requestMatchers(path(SmartEndpoints.JWKS_PATH))
                      .permitAll()
                      .anyRequest()
                      .authenticated())
          .exceptionHandling(
              refusals -> refusals.authenticationEntryPoint(TokenErrors.invalidClient()))
          .csrf(csrf -> csrf.disable())
          .sessionManagement(
              sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
          .requestCache(cache -> cache.disable())
          .logout(logout -> logout.disable());
      return http.build();
    }
  }

  /** An external identity provider issues the tokens; this server only checks them. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("!'${edu.smart.issuer:}'.isBlank()")
  static class ExternalIssuer {

    @Bean
    JwtDecoder accessTokenDecoder(SecurityProperties properties) {
      SecurityProperties.Smart smart = properties.smart();
      if (smart.jwksUrl() == null || smart.tokenUrl() == null) {
        throw new IllegalStateException(
            "edu.smart.issuer is set: edu.smart.jwks-url and edu.smart.token-url are needed too");
      }
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withJwkSetUri(smart.jwksUrl().toString())
              .jwsAlgorithms(
                  algorithms -> {
                    algorithms.add(SignatureAlgorithm.RS256);
                    algorithms.add(SignatureAlgorithm.RS384);
                    algorithms.add(SignatureAlgorithm.ES256);
                    algorithms.add(SignatureAlgorithm.ES384);
                  })
              .build();
      OAuth2TokenValidator<Jwt> issuer = JwtValidators.createDefaultWithIssuer(smart.issuer());
      decoder.setJwtValidator(
          smart.audience() == null || smart.audience().isBlank()
              ? issuer
              : new DelegatingOAuth2TokenValidator<>(
                  issuer,
                  new JwtClaimValidator<List<String>>(
                      JwtClaimNames.AUD,
                      audience -> audience != null && audience.contains(smart.audience()))));
      return decoder;
    }
  }

  /** No sessions, no cookies, no CSRF tokens (nothing is authenticated by cookie here). */
  private static HttpSecurity stateless(HttpSecurity http) throws Exception {
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(
            sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        // HAPI and the pages set their own caching headers (ETags, the read cache).
        .headers(headers -> headers.cacheControl(cache -> cache.disable()));
  }

  private static UrlBasedCorsConfigurationSource corsConfiguration(List<String> origins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(origins);
    cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    cors.setAllowedHeaders(
        List.of(
            "Authorization",
            "Content-Type",
            "Accept",
            "If-Match",
            "If-None-Match",
            "If-None-Exist",
            "If-Modified-Since",
            "Prefer",
            "X-Request-ID"));
    cors.setExposedHeaders(
        List.of(
            "Location",
            "Content-Location",
            "ETag",
            "Last-Modified",
            "WWW-Authenticate",
            "X-Request-ID"));
    // Bearer tokens, never cookies.
    cors.setAllowCredentials(false);
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    // This source serves only the /fhir chain, whose paths it sees relative to the servlet.
    source.registerCorsConfiguration("/**", cors);
    return source;
  }

  private static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  private static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }

  /** The bearer-token check shared by the chains (not a bean of Spring's own type on purpose). */
  record BearerAuthentication(
      org.springframework.security.authentication.AuthenticationManager manager) {}
}
