package org.patientedu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The application jar holds the application and nothing of its build: the implementation guide's
 * build tools (src/build/java, org.patientedu.ig.build) stay out of it, and so does SUSHI's work
 * folder. The package those tools made is in it, since the server serves it, and so is the content
 * pack. Of its libraries, only what runs: the two databases' drivers, FHIR R4 (and the R5 model the
 * validator works on), and the Elasticsearch client the opensearch profile needs; no other JDBC
 * driver, no other FHIR version's validation resources, no PlantUML or Swagger UI. That the
 * application still starts and serves everything with these libraries is what every integration
 * test shows (they run on the same classpath), and SelfContainedJarIT starts this very jar.
 */
class RuntimeJarIT {

  private static final Path JAR = Path.of(System.getProperty("edu.app.jar"));

  @Test
  void holdsTheApplicationAndNoBuildTool() throws IOException {
    List<String> names;
    try (JarFile jar = new JarFile(JAR.toFile())) {
      names = jar.stream().map(ZipEntry::getName).toList();
    }
    assertThat(names)
        .contains(
            "BOOT-INF/classes/org/patientedu/PatientEducationApplication.class",
            "BOOT-INF/classes/org/patientedu/ig/IgPackage.class",
            "BOOT-INF/classes/ig/org.patientedu.fhir-0.1.0.tgz");
    assertThat(names)
        .filteredOn(name -> name.startsWith("BOOT-INF/classes/org/patientedu/ig/"))
        .isNotEmpty()
        .noneMatch(name -> name.startsWith("BOOT-INF/classes/org/patientedu/ig/build/"));
    assertThat(names)
        .noneMatch(name -> name.contains("IgBuildTool"))
        .noneMatch(name -> name.contains("IgPackager"))
        .noneMatch(name -> name.contains("CorePackageBuilder"))
        .noneMatch(name -> name.contains("fsh-generated"));
  }

  @Test
  void bundlesTheContentPack() throws IOException {
    assertThat(names())
        .contains(
            "BOOT-INF/classes/content-pack/oxytocin-healthwise/Library.json",
            "BOOT-INF/classes/content-pack/oxytocin-healthwise/DocumentReference.json",
            "BOOT-INF/classes/content-pack/oxytocin-healthwise/Binary-html.json",
            "BOOT-INF/classes/content-pack/oxytocin-perexp/Library.json")
        .noneMatch(
            name -> name.startsWith("BOOT-INF/classes/content-pack/") && name.endsWith(".txt"));
  }

  @Test
  void carriesOnlyTheLibrariesThatRun() throws IOException {
    List<String> libraries =
        names().stream()
            .filter(name -> name.startsWith("BOOT-INF/lib/"))
            .map(name -> name.substring("BOOT-INF/lib/".length()))
            .toList();
    assertThat(libraries)
        .anyMatch(jar -> jar.startsWith("h2-"))
        .anyMatch(jar -> jar.startsWith("postgresql-"))
        .anyMatch(jar -> jar.startsWith("hapi-fhir-structures-r4-"))
        .anyMatch(jar -> jar.startsWith("hapi-fhir-validation-resources-r4-"))
        .anyMatch(jar -> jar.startsWith("org.hl7.fhir.r5-"))
        .anyMatch(jar -> jar.startsWith("elasticsearch-java-"))
        .anyMatch(jar -> jar.startsWith("hibernate-search-backend-elasticsearch-"));
    assertThat(libraries)
        .as("JDBC drivers other than H2 and PostgreSQL")
        .noneMatch(jar -> jar.startsWith("ojdbc"))
        .noneMatch(jar -> jar.startsWith("sqlite-jdbc"))
        .noneMatch(jar -> jar.startsWith("mssql-jdbc"))
        .noneMatch(jar -> jar.startsWith("mysql-connector"))
        .noneMatch(jar -> jar.startsWith("mariadb-java-client"))
        .noneMatch(jar -> jar.startsWith("derby"));
    // The other versions' model classes stay (HAPI's beans name them in their signatures); their
    // validation resources, the bulk of each version, do not.
    assertThat(libraries)
        .as("FHIR versions other than R4")
        .noneMatch(jar -> jar.startsWith("hapi-fhir-validation-resources-dstu"))
        .noneMatch(jar -> jar.startsWith("hapi-fhir-validation-resources-r4b"))
        .noneMatch(jar -> jar.startsWith("hapi-fhir-validation-resources-r5"))
        .noneMatch(jar -> jar.startsWith("org.hl7.fhir.dstu2016may-"));
    assertThat(libraries)
        .as("diagram and API-browser tooling")
        .noneMatch(jar -> jar.startsWith("plantuml"))
        .noneMatch(jar -> jar.startsWith("swagger-ui"))
        .noneMatch(jar -> jar.startsWith("springdoc"));
  }

  private static List<String> names() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      return jar.stream().map(ZipEntry::getName).toList();
    }
  }
}
