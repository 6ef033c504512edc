package org.patientedu.fhirserver;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Installs the server's own conformance resources ({@code classpath:conformance/*.json}: the search
 * parameters it offers) before any content loads, so content is indexed by them from the first
 * write. Updating an unchanged resource makes no new version; nodes starting together retry.
 */
@Component
@Order(-10)
class ConformanceResourceInstaller implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ConformanceResourceInstaller.class);

  private final FhirContext fhirContext;
  private final DaoRegistry daoRegistry;
  private final ISearchParamRegistry searchParamRegistry;

  ConformanceResourceInstaller(
      FhirContext fhirContext, DaoRegistry daoRegistry, ISearchParamRegistry searchParamRegistry) {
    this.fhirContext = fhirContext;
    this.daoRegistry = daoRegistry;
    this.searchParamRegistry = searchParamRegistry;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    Resource[] files =
        new PathMatchingResourcePatternResolver().getResources("classpath*:conformance/*.json");
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        IBaseResource resource =
            fhirContext
                .newJsonParser()
                .parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        StartupRace.retryOnConflict(
            "installing " + file.getFilename(),
            () ->
                daoRegistry.getResourceDao(resource).update(resource, new SystemRequestDetails()));
      }
    }
    searchParamRegistry.forceRefresh();
    log.info(
        "Installed {} conformance resources (search parameters the server offers)", files.length);
  }
}
