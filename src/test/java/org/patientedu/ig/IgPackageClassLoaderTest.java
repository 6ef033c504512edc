package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The guide is read by whichever thread first needs it, and under {@code java -jar} a thread's
 * context class loader may be the system one (a common fork-join pool thread's is), which does not
 * see the application's classes folder: the guide, its dependencies and HAPI's cache provider must
 * be found through the class loader that loaded the application instead.
 */
class IgPackageClassLoaderTest {

  @Test
  void findsTheGuideAndMakesItsValidatorWhateverTheThreadsContextClassLoader() throws Exception {
    AtomicReference<Object> found = new AtomicReference<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                IgPackage guide = IgPackage.fromClasspath();
                // what the first validation does on such a thread: make the guide's validator
                ProfileValidation.newValidator(FhirContext.forR4Cached(), guide);
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
