package org.patientedu.fhirserver;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the FHIR server ({@code edu.*}, env {@code EDU_*}).
 *
 * @param dataDir where the embedded database and the full-text index live
 * @param maxRequestBody bodies larger than this are refused with 413
 * @param defaultPageSize search page size when the client asks for none
 * @param maxPageSize largest {@code _count} honoured
 */
@ConfigurationProperties(prefix = "edu")
public record FhirServerProperties(
    @DefaultValue("./data") Path dataDir,
    @DefaultValue("10MB") DataSize maxRequestBody,
    @DefaultValue("20") int defaultPageSize,
    @DefaultValue("200") int maxPageSize) {}
