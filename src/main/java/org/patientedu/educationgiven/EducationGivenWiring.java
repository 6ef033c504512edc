package org.patientedu.educationgiven;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Clock;
import org.patientedu.audit.FormWrites;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.patientedu.security.JtiLedger;
import org.patientedu.security.ServerSignedJwts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** Plugs {@code $record-given} into the FHIR server; the record-as-given tickets. */
@Configuration(proxyBeanMethods = false)
class EducationGivenWiring {

  @Bean
  EducationGivenStore educationGivenStore(
      DaoRegistry daoRegistry, HandoutAddresses addresses, Clock clock) {
    return new EducationGivenStore(daoRegistry, addresses, clock);
  }

  @Bean
  RecordGivenOperation recordGivenOperation(EducationGivenStore store) {
    return new RecordGivenOperation(store);
  }

  @Bean
  RecordTickets recordTickets(
      ServerSignedJwts jwts,
      JtiLedger ledger,
      HandoutAddresses addresses,
      EducationGivenStore store,
      FormWrites audit,
      PlatformTransactionManager transactions) {
    return new RecordTickets(jwts, ledger, addresses, store, audit, transactions);
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
