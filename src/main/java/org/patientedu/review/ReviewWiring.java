package org.patientedu.review;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import java.time.Clock;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Plugs review currency and the lifecycle operations into the FHIR store and its REST face. */
@Configuration(proxyBeanMethods = false)
class ReviewWiring {

  @Bean
  ReviewStamper reviewStamper(ReviewPolicy policy) {
    return new ReviewStamper(policy);
  }

  @Bean
  ReviewStampingInterceptor reviewStampingInterceptor(
      ReviewStamper stamper, Clock clock, IInterceptorService storageInterceptors) {
    ReviewStampingInterceptor interceptor = new ReviewStampingInterceptor(stamper, clock);
    storageInterceptors.registerInterceptor(interceptor);
    return interceptor;
  }

  @Bean
  FhirServerPlugin reviewOperations(LifecycleOperations lifecycle, ReviewReportOperation report) {
    return server -> server.registerProviders(lifecycle, report);
  }
}
