package org.patientedu.fhirserver.searchindex;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the shared full-text index lives with the {@code opensearch} profile ({@code
 * edu.opensearch.*}, env {@code EDU_OPENSEARCH_*}).
 *
 * @param url the cluster's HTTP address, {@code http(s)://host[:port]}
 * @param username user for HTTP basic authentication; blank when the cluster has no security
 * @param password that user's password; never logged
 */
@ConfigurationProperties(prefix = "edu.opensearch")
record OpenSearchProperties(
    @DefaultValue("http://localhost:9200") URI url,
    @DefaultValue("") String username,
    @DefaultValue("") String password) {

  /** The port of {@link #url}, or its scheme's default (80, 443) when it names none. */
  int port() {
    return url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
  }

  /** Never print the password, even in a debug dump of the bean. */
  @Override
  public String toString() {
    return "OpenSearchProperties[url="
        + url
        + ", username="
        + username
        + ", password="
        + (password == null || password.isEmpty() ? "<none>" : "****")
        + "]";
  }
}
