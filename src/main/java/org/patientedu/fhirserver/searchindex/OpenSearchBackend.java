package org.patientedu.fhirserver.searchindex;

import ca.uhn.fhir.jpa.search.elastic.ElasticsearchHibernatePropertiesBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.hibernate.search.backend.elasticsearch.cfg.ElasticsearchBackendSettings;
import org.hibernate.search.engine.cfg.BackendSettings;
import org.hibernate.search.mapper.orm.cfg.HibernateOrmMapperSettings;
import org.springframework.boot.autoconfigure.orm.jpa.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * With the {@code opensearch} profile, the full-text index ({@code _content}, {@code _text}) is one
 * index on an OpenSearch 2.x cluster that every node writes and reads, instead of a Lucene index in
 * each node's data directory. Hibernate Search talks to the cluster with its own client; the
 * settings are HAPI's ({@link ElasticsearchHibernatePropertiesBuilder}: HAPI's analysers, index
 * layout and index settings), with two of our own on top (see {@link #hibernateProperties}).
 */
@Configuration(proxyBeanMethods = false)
@Profile("opensearch")
class OpenSearchBackend {

  /** Hibernate Search checks at start-up that the cluster is this; any OpenSearch 2.x. */
  static final String DISTRIBUTION = "opensearch:2";

  /** The local Lucene settings of application.properties mean nothing to this backend. */
  private static final String LUCENE_DIRECTORY = BackendSettings.backendKey("directory.");

  private static final String LUCENE_VERSION = BackendSettings.backendKey("lucene_version");

  @Bean
  HibernatePropertiesCustomizer openSearchFullTextBackend(OpenSearchProperties properties) {
    Map<String, String> openSearch = hibernateProperties(properties);
    return hibernate -> {
      // Right before Hibernate Search starts on the cluster, which it could not with such an index.
      StrayAliasIndexes.remove(properties);
      hibernate.keySet().removeIf(key -> key.startsWith(LUCENE_DIRECTORY));
      hibernate.remove(LUCENE_VERSION);
      hibernate.putAll(openSearch);
    };
  }

  /** The Hibernate Search settings for the cluster at {@code properties.url()}. */
  static Map<String, String> hibernateProperties(OpenSearchProperties properties) {
    URI url = properties.url();
    String scheme = url.getScheme();
    if (url.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new IllegalArgumentException(
          "edu.opensearch.url must be http(s)://host[:port], not " + url);
    }

    Properties settings = new Properties();
    new ElasticsearchHibernatePropertiesBuilder()
        .setProtocol(scheme)
        .setHosts(url.getHost() + ":" + properties.port())
        .setUsername(properties.username())
        .setPassword(properties.password())
        .apply(settings);
    settings.put(BackendSettings.backendKey(ElasticsearchBackendSettings.VERSION), DISTRIBUTION);
    // HAPI's builder indexes asynchronously after the commit: the client hears "created" before the
    // index has the change, and an indexing failure is only logged. Here a write is answered once
    // OpenSearch has the change and has made it searchable (a refresh), so whatever node the next
    // search goes to finds it. The price, a refresh per write, is small at editorial write rates;
    // a bulk load can choose write-sync for its own session.
    settings.remove(HibernateOrmMapperSettings.AUTOMATIC_INDEXING_SYNCHRONIZATION_STRATEGY);
    settings.put(HibernateOrmMapperSettings.INDEXING_PLAN_SYNCHRONIZATION_STRATEGY, "read-sync");

    Map<String, String> result = new TreeMap<>();
    settings.stringPropertyNames().forEach(key -> result.put(key, settings.getProperty(key)));
    return result;
  }
}
