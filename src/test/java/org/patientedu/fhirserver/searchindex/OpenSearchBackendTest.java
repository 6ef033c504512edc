package org.patientedu.fhirserver.searchindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Hibernate Search settings the {@code opensearch} profile gives HAPI's JPA store. */
class OpenSearchBackendTest {

  @Test
  void pointsHibernateSearchAtTheClusterWithHapisAnalysisAndIndexLayout() {
    Map<String, String> settings =
        OpenSearchBackend.hibernateProperties(
            new OpenSearchProperties(URI.create("https://search.hospital.example:9201"), "", ""));

    assertThat(settings)
        .containsEntry("hibernate.search.backend.type", "elasticsearch")
        .containsEntry("hibernate.search.backend.protocol", "https")
        .containsEntry("hibernate.search.backend.hosts", "search.hospital.example:9201")
        .containsEntry("hibernate.search.backend.version", "opensearch:2")
        .containsEntry(
            "hibernate.search.backend.analysis.configurer",
            "ca.uhn.fhir.jpa.search.HapiHSearchAnalysisConfigurers$HapiElasticsearchAnalysisConfigurer")
        .containsEntry(
            "hibernate.search.backend.layout.strategy",
            "ca.uhn.fhir.jpa.search.elastic.IndexNamePrefixLayoutStrategy")
        .containsEntry("hibernate.search.indexing.plan.synchronization.strategy", "read-sync")
        .doesNotContainKey("hibernate.search.automatic_indexing.synchronization.strategy")
        .doesNotContainKeys(
            "hibernate.search.backend.username", "hibernate.search.backend.password");
  }

  @Test
  void sendsCredentialsOnlyWhenGiven() {
    Map<String, String> settings =
        OpenSearchBackend.hibernateProperties(
            new OpenSearchProperties(URI.create("http://opensearch:9200"), "edu", "s3cret"));

    assertThat(settings)
        .containsEntry("hibernate.search.backend.protocol", "http")
        .containsEntry("hibernate.search.backend.hosts", "opensearch:9200")
        .containsEntry("hibernate.search.backend.username", "edu")
        .containsEntry("hibernate.search.backend.password", "s3cret");
  }

  @Test
  void aUrlWithoutAPortMeansTheSchemesPort() {
    assertThat(
            OpenSearchBackend.hibernateProperties(
                new OpenSearchProperties(URI.create("https://search.example"), "", "")))
        .containsEntry("hibernate.search.backend.hosts", "search.example:443");
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedWithTheSettingsName() {
    assertThatThrownBy(
            () ->
                OpenSearchBackend.hibernateProperties(
                    new OpenSearchProperties(URI.create("opensearch:9200"), "", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("edu.opensearch.url must be http(s)://host[:port], not opensearch:9200");
  }

  @Test
  void replacesTheLocalLuceneSettings() {
    Map<String, Object> hibernate = new HashMap<>();
    hibernate.put("hibernate.search.backend.type", "lucene");
    hibernate.put("hibernate.search.backend.directory.type", "local-filesystem");
    hibernate.put("hibernate.search.backend.directory.root", "./data/lucene");
    hibernate.put("hibernate.search.backend.lucene_version", "LUCENE_CURRENT");
    hibernate.put("hibernate.dialect", "ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect");

    new OpenSearchBackend()
        .openSearchFullTextBackend(
            new OpenSearchProperties(URI.create("http://localhost:9200"), "", ""))
        .customize(hibernate);

    assertThat(hibernate)
        .containsEntry("hibernate.search.backend.type", "elasticsearch")
        .containsEntry("hibernate.dialect", "ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect")
        .doesNotContainKeys(
            "hibernate.search.backend.directory.type",
            "hibernate.search.backend.directory.root",
            "hibernate.search.backend.lucene_version");
  }

  @Test
  void neverPrintsThePassword() {
    assertThat(new OpenSearchProperties(URI.create("http://o:9200"), "edu", "s3cret").toString())
        .doesNotContain("s3cret")
        .contains("****");
  }
}
