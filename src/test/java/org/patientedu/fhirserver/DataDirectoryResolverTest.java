package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** What an operator writes in EDU_DATA_DIR, and the folder the server then uses. */
class DataDirectoryResolverTest {

  private static final String WORKING_DIR = System.getProperty("user.dir");

  @Test
  void aRelativeFolderIsTakenFromTheWorkingDirectoryWithOrWithoutDotSlash() {
    assertThat(resolved("ward-data")).isEqualTo(WORKING_DIR + "/ward-data");
    assertThat(resolved("./data")).isEqualTo(WORKING_DIR + "/data");
    assertThat(resolved("srv/../ward-data/")).isEqualTo(WORKING_DIR + "/ward-data");
  }

  @Test
  void anAbsoluteFolderIsKeptAndTheHomeDirectoryIsExpanded() {
    assertThat(resolved("/var/lib/patient-education")).isEqualTo("/var/lib/patient-education");
    assertThat(DataDirectoryResolver.absolute("~/edu-data", "/home/nurse"))
        .isEqualTo(Path.of("/home/nurse/edu-data"));
    assertThat(DataDirectoryResolver.absolute("~", "/home/nurse"))
        .isEqualTo(Path.of("/home/nurse"));
  }

  @Test
  void theDatabaseAddressBuiltFromItIsAbsolute() {
    StandardEnvironment environment =
        environmentWith(
            Map.of(
                "edu.data-dir", "ward-data",
                "spring.datasource.url", "jdbc:h2:file:${edu.data-dir}/h2/patient-education"));
    new DataDirectoryResolver().postProcessEnvironment(environment, new SpringApplication());
    assertThat(environment.getProperty("spring.datasource.url"))
        .isEqualTo("jdbc:h2:file:" + WORKING_DIR + "/ward-data/h2/patient-education");
  }

  @Test
  void springBootRunsItBeforeBindingTheSettings() throws Exception {
    Properties factories =
        PropertiesLoaderUtils.loadProperties(new ClassPathResource("META-INF/spring.factories"));
    assertThat(factories.getProperty(EnvironmentPostProcessor.class.getName()))
        .isEqualTo(DataDirectoryResolver.class.getName());
  }

  private static String resolved(String configured) {
    StandardEnvironment environment = environmentWith(Map.of("edu.data-dir", configured));
    new DataDirectoryResolver().postProcessEnvironment(environment, new SpringApplication());
    return environment.getProperty("edu.data-dir");
  }

  private static StandardEnvironment environmentWith(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("operator", properties));
    return environment;
  }
}
