package org.patientedu.fhirserver;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Puts every {@link WriteInterceptor} bean on HAPI's storage interceptor service (the one its DAOs
 * call for every write), once all beans exist and before anything is written at start-up.
 */
@Component
class WriteInterceptorRegistration implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(WriteInterceptorRegistration.class);

  private final IInterceptorService storageInterceptors;
  private final List<WriteInterceptor> interceptors;

  WriteInterceptorRegistration(
      IInterceptorService storageInterceptors, List<WriteInterceptor> interceptors) {
    this.storageInterceptors = storageInterceptors;
    this.interceptors = interceptors;
  }

  @Override
  public void afterSingletonsInstantiated() {
    interceptors.forEach(storageInterceptors::registerInterceptor);
    log.info(
        "Every write passes: {}",
        String.join(", ", interceptors.stream().map(i -> i.getClass().getSimpleName()).toList()));
  }
}
