package org.patientedu.contentpack.loading;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.lang.Nullable;

/**
 * Whether to load the content pack at start-up, and from where ({@code edu.content-pack.*}). An
 * integrator's empty instance turns loading off.
 *
 * @param enabled load the pack at start-up
 * @param dir a pack folder to load instead of the pack bundled in the application (unset: the
 *     bundled one, so the jar is self-contained)
 */
@ConfigurationProperties(prefix = "edu.content-pack")
public record ContentPackProperties(@DefaultValue("true") boolean enabled, @Nullable Path dir) {}
