package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The guide is read by whichever thread first needs it, and under {@code java -jar} a thread's
 * context class loader may be the system one (a common fork-join pool thread's is), which does not
 * see the application's classes folder: the guide and its dependencies must be found through the
 * class loader that loaded the application instead.
 */
class IgPackageClassLoaderTest {

  @Test
  void findsTheGuideAndItsDependenciesWhateverTheThreadsContextClassLoader() throws Exception {
    AtomicReference<Object> found = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                IgPackage guide = IgPackage.fromClasspath();
                found.set(List.of(guide.classpathLocation(), guide.dependencyClasspathLocations()));
              } catch (RuntimeException e) {
                found.set(e);
              }
            });
    // a loader that sees the JDK's classes and none of the application's resources
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    thread.start();
    thread.join();

    assertThat(found.get())
        .isEqualTo(
            List.of(
                "ig/org.patientedu.fhir-0.1.0.tgz",
                List.of("ig/dependencies/hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz")));
  }
}
