package org.patientedu.fhirserver;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code edu.data-dir} made absolute against the working directory before anything reads it, so
 * {@code EDU_DATA_DIR=ward-data} means {@code ./ward-data} as an operator expects ({@code ~/} means
 * the home directory, as it did for H2, and now for the files beside the database too).
 *
 * <p>Why: the H2 database URL is built from it ({@code jdbc:h2:file:${edu.data-dir}/h2/...}), and
 * H2 refuses a relative path that does not start with {@code ./}: the server stopped at start-up
 * with "A file path that is implicitly relative to the current working directory is not allowed".
 * Listed in {@code META-INF/spring.factories}, so it runs before the properties are bound.
 */
public final class DataDirectoryResolver implements EnvironmentPostProcessor {

  static final String PROPERTY = "edu.data-dir";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String configured = environment.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      return;
    }
    String absolute = absolute(configured, System.getProperty("user.home")).toString();
    if (!absolute.equals(configured)) {
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource("edu.data-dir, absolute", Map.of(PROPERTY, absolute)));
    }
  }

  static Path absolute(String configured, String home) {
    String expanded =
        configured.equals("~") || configured.startsWith("~/")
            ? home + configured.substring(1)
            : configured;
    return Path.of(expanded).toAbsolutePath().normalize();
  }
}
