package org.patientedu.education;

import org.patientedu.fhirserver.readcache.SharedResourceViews;
import org.patientedu.terminology.CodeFamilies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared education answer and the handouts' public addresses. */
@Configuration(proxyBeanMethods = false)
class EducationConfiguration {

  @Bean
  EducationFinder educationFinder(SharedResourceViews views, CodeFamilies codeFamilies) {
    PublishedCatalog catalog = new PublishedCatalog(views);
    return new EducationFinder(catalog, codeFamilies);
  }

  @Bean
  HandoutAddresses handoutAddresses(HandoutAddressProperties properties) {
    return new HandoutAddresses(properties);
  }
}
