package org.patientedu.education;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.patientedu.fhirserver.readcache.CurrentVersions;
import org.patientedu.terminology.CodeFamilies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared education answer and the handouts' public addresses. */
@Configuration(proxyBeanMethods = false)
class EducationConfiguration {

  @Bean
  EducationFinder educationFinder(
      DaoRegistry daoRegistry, CurrentVersions currentVersions, CodeFamilies codeFamilies) {
    PublishedCatalog catalog = new PublishedCatalog(daoRegistry, currentVersions);
    return new EducationFinder(catalog, codeFamilies);
  }

  @Bean
  HandoutAddresses handoutAddresses(HandoutAddressProperties properties) {
    return new HandoutAddresses(properties);
  }
}
