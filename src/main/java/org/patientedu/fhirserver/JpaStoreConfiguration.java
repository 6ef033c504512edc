package org.patientedu.fhirserver;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.dao.IFulltextSearchSvc;
import ca.uhn.fhir.jpa.dao.SearchBuilderFactory;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dao.JpaPid;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import jakarta.persistence.EntityManagerFactory;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.boot.autoconfigure.orm.jpa.JpaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * The HAPI FHIR JPA store for R4. Database and Hibernate Search settings come from {@code
 * application.properties} ({@code spring.datasource.*}, {@code spring.jpa.properties.*}); with the
 * {@code opensearch} profile, {@code searchindex} replaces the full-text backend's.
 */
@Configuration(proxyBeanMethods = false)
@Import({
  JpaR4Config.class,
  HapiJpaConfig.class,
  JpaBatch2Config.class,
  Batch2JobsConfig.class,
  ThreadPoolFactoryConfig.class,
  // Batch2 needs a broker client, which this config provides.
  SubscriptionChannelConfig.class
})
class JpaStoreConfiguration {

  @Bean
  JpaStorageSettings storageSettings() {
    JpaStorageSettings settings = new JpaStorageSettings();
    // _content and _text searches, indexed by Hibernate Search (local Lucene, or OpenSearch).
    settings.setHibernateSearchIndexFullText(true);
    // A search right after a review must see the new state, so never answer from a cached result
    // set.
    settings.setReuseCachedSearchResultsForMillis(null);
    // References only to resources that exist: no placeholder resources invented on write.
    settings.setAutoCreatePlaceholderReferenceTargets(false);
    settings.setAllowExternalReferences(true);
    settings.setExpungeEnabled(false);
    // A Provenance speaks for the exact versions a review or approval produced.
    settings.setAutoVersionReferenceAtPaths("Provenance.target");
    // Code systems stored in the database come before FHIR's built-in ones when HAPI looks a code
    // system up: FHIR R4 core ships SNOMED CT as a content=not-present stub, which otherwise hides
    // the implementation guide's SNOMED CT fragment, so :below and :above found nothing.
    settings.setAllowDatabaseValidationOverride(true);
    return settings;
  }

  /**
   * HAPI's full-text search, its pages by offset asked of the index; preferred to the one {@code
   * HapiJpaConfig} makes, which stays unused.
   */
  @Primary
  @Bean
  IFulltextSearchSvc indexPagedFullTextSearch(
      SearchBuilderFactory<JpaPid> searchBuilders, FhirContext fhirContext) {
    return new IndexPagedFullTextSearch(searchBuilders, fhirContext);
  }

  /**
   * Nodes on one PostgreSQL take turns starting; static because it post-processes the DataSource.
   */
  @Bean
  static NodeStartupLock nodeStartupLock(ObjectProvider<FhirServerProperties> properties) {
    return new NodeStartupLock(() -> properties.getObject().nodeStartupWait());
  }

  @Bean
  PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  @Bean
  SubscriptionSettings subscriptionSettings() {
    return new SubscriptionSettings();
  }

  @Primary
  @Bean
  LocalContainerEntityManagerFactoryBean entityManagerFactory(
      ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext,
      JpaStorageSettings storageSettings,
      JpaProperties jpaProperties,
      ObjectProvider<HibernatePropertiesCustomizer> customizers,
      DataSource dataSource) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(
            beanFactory, fhirContext, storageSettings);
    factory.setPersistenceUnitName("HAPI_PU");
    // HAPI's statements run under their request's deadline (edu.limits.request-deadline).
    factory.setDataSource(DeadlineStatements.watching(dataSource));
    // spring.jpa.properties.*, then what features change (the full-text backend, for one).
    Map<String, Object> properties = new HashMap<>(jpaProperties.getProperties());
    customizers.orderedStream().forEach(customizer -> customizer.customize(properties));
    factory.setJpaPropertyMap(properties);
    return factory;
  }

  @Primary
  @Bean
  JpaTransactionManager transactionManager(
      EntityManagerFactory entityManagerFactory, LocalCommits localCommits) {
    JpaTransactionManager transactionManager = localCommits.countingTransactionManager();
    transactionManager.setEntityManagerFactory(entityManagerFactory);
    return transactionManager;
  }
}
