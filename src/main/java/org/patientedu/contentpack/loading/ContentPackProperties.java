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
 * @param sliceSize how many pages (folders) are validated, then stored, at a time: each slice of a
 *     load is one transaction, and memory grows with the slice, not with the pack
 */
@ConfigurationProperties(prefix = "edu.content-pack")
public record ContentPackProperties(
    @DefaultValue("true") boolean enabled, @Nullable Path dir, @DefaultValue("200") int sliceSize) {

  public ContentPackProperties {
    if (sliceSize < 1) {
      throw new IllegalArgumentException(
          "edu.content-pack.slice-size must be at least 1 (pages a slice), not " + sliceSize);
    }
  }
}
