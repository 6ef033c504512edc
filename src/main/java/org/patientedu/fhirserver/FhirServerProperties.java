package org.patientedu.fhirserver;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR server ({@code edu.*}, env {@code EDU_*}). They sit at the root of {@code
 * edu.} because they are the server's documented names (README); every feature keeps its own
 * settings under its own prefix in its own record ({@code edu.review.*}, {@code
 * edu.content-pack.*}, {@code edu.read-cache.*}, {@code edu.handouts.*}; the security settings in
 * {@code SecurityProperties}).
 *
 * @param dataDir where the embedded database and the full-text index live
 * @param maxRequestBody bodies larger than this are refused with 413
 * @param defaultPageSize search page size when the client asks for none
 * @param maxPageSize largest {@code _count} honoured
 * @param nodeStartupWait on PostgreSQL, how long a starting node waits for another to finish
 *     starting before it starts anyway ({@link NodeStartupLock})
 * @param offsetPaging catalog searches page by {@code _offset} ({@link OffsetPaging}); {@code
 *     false} keeps HAPI's stored searches, whose pages hold a snapshot of the matches
 */
@ConfigurationProperties(prefix = "edu")
public record FhirServerProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("10MB") DataSize maxRequestBody,
    @DefaultValue("20") int defaultPageSize,
    @DefaultValue("200") int maxPageSize,
    @DefaultValue("10m") Duration nodeStartupWait,
    @DefaultValue("true") boolean offsetPaging) {}
