package org.patientedu.review;

import java.time.Clock;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.patientedu.fhirserver.FhirServerProperties;
import org.patientedu.fhirserver.readcache.CurrentVersions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Plugs review currency and the lifecycle operations into the FHIR store and its REST face. */
@Configuration(proxyBeanMethods = false)
class ReviewWiring {

  @Bean
  ReviewStamper reviewStamper(ReviewPolicy policy) {
    return new ReviewStamper(policy);
  }

  /** Every write of a Library or DocumentReference is stamped (fhirserver registers it). */
  @Bean
  ReviewStampingInterceptor reviewStampingInterceptor(ReviewStamper stamper, Clock clock) {
    return new ReviewStampingInterceptor(stamper, clock);
  }

  @Bean
  RefreshRecord refreshRecord(
      FhirServerProperties server, ReviewPolicy policy, CurrentVersions currentVersions) {
    return new RefreshRecord(server.dataDir(), policy, currentVersions);
  }

  @Bean
  FhirServerPlugin reviewOperations(LifecycleOperations lifecycle, ReviewReportOperation report) {
    return server -> {
      server.registerProviders(lifecycle, report);
      server.registerInterceptor(new ReviewStatusSearchCodes());
    };
  }
}
