package org.patientedu.educationgiven;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Clock;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Plugs {@code $record-given} into the FHIR server. */
@Configuration(proxyBeanMethods = false)
class EducationGivenWiring {

  @Bean
  RecordGivenOperation recordGivenOperation(
      DaoRegistry daoRegistry, HandoutAddresses addresses, Clock clock) {
    return new RecordGivenOperation(daoRegistry, addresses, clock);
  }

  @Bean
  VersionedReferences versionedReferences(FhirContext fhirContext) {
    return new VersionedReferences(fhirContext);
  }

  @Bean
  FhirServerPlugin recordGivenPlugin(RecordGivenOperation operation) {
    return server -> server.registerProvider(operation);
  }
}
