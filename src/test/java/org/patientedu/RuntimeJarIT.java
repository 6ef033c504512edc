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
 * folder. The package those tools made is in it, since the server serves it.
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
}
