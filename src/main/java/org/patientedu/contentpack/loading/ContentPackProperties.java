package org.patientedu.contentpack.loading;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the content pack lives and whether to load it at start-up ({@code edu.content-pack.*}). An
 * integrator's empty instance turns loading off.
 */
@ConfigurationProperties(prefix = "edu.content-pack")
public record ContentPackProperties(
    @DefaultValue("true") boolean enabled, @DefaultValue("fhir-resources") Path dir) {}
