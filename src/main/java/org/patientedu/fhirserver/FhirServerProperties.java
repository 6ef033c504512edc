package org.patientedu.fhirserver;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR server ({@code edu.*}, env {@code EDU_*}). They sit at the root of {@code
 * edu.} because they are the server's documented names (README), the editor token among them; every
 * feature keeps its own settings under its own prefix in its own record ({@code edu.review.*},
 * {@code edu.content-pack.*}, {@code edu.read-cache.*}, {@code edu.handouts.*}).
 *
 * @param dataDir where the embedded database and the full-text index live
 * @param editorToken bearer token that unlocks writes; blank means the server is read-only
 * @param maxRequestBody bodies larger than this are refused with 413
 * @param defaultPageSize search page size when the client asks for none
 * @param maxPageSize largest {@code _count} honoured
 * @param nodeStartupWait on PostgreSQL, how long a starting node waits for another to finish
 *     starting before it starts anyway ({@link NodeStartupLock})
 */
@ConfigurationProperties(prefix = "edu")
public record FhirServerProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("") String editorToken,
    @DefaultValue("10MB") DataSize maxRequestBody,
    @DefaultValue("20") int defaultPageSize,
    @DefaultValue("200") int maxPageSize,
    @DefaultValue("10m") Duration nodeStartupWait) {

  public boolean writesEnabled() {
    return editorToken != null && !editorToken.isBlank();
  }

  /** Never print the token, even by accident in a debug dump of the bean. */
  @Override
  public String toString() {
    return "FhirServerProperties[dataDir="
        + dataDir
        + ", editorToken="
        + (writesEnabled() ? "****" : "<none>")
        + ", maxRequestBody="
        + maxRequestBody
        + ", pageSize="
        + defaultPageSize
        + "/"
        + maxPageSize
        + "]";
  }
}
