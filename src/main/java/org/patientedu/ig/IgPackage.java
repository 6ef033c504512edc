package org.patientedu.ig;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The FHIR package the build made ({@code classpath:ig/org.patientedu.fhir-<version>.tgz}, see
 * pom.xml execution {@code ig-build}): what {@code /ig/package.tgz} serves, what the guide pages
 * show and what profile validation loads. One file, so all three always agree.
 */
public final class IgPackage {

  public static final String NAME = "org.patientedu.fhir";
  static final String CLASSPATH_FOLDER = "ig/";

  /**
   * Bound to the class loader that loaded this class, not the thread's context class loader (the
   * resolver's default): the guide is read by whichever thread first needs it (the validator is
   * made on first use), and under {@code java -jar} a thread's context class loader may be the
   * system one (a common fork-join pool thread's is), which cannot see the nested jar's classes
   * folder. A first load then failed now and then, the guide's dependencies "missing".
   */
  private static final PathMatchingResourcePatternResolver RESOLVER =
      new PathMatchingResourcePatternResolver(IgPackage.class.getClassLoader());

  private final String classpathLocation;
  private final byte[] bytes;
  private final NpmPackage npm;

  private IgPackage(String classpathLocation, byte[] bytes) throws IOException {
    this.classpathLocation = classpathLocation;
    this.bytes = bytes;
    this.npm = NpmPackage.fromPackage(new ByteArrayInputStream(bytes));
  }

  /**
   * @throws IllegalStateException when the build did not make the package (SUSHI not run)
   */
  public static IgPackage fromClasspath() {
    try {
      Resource[] found = RESOLVER.getResources("classpath*:" + CLASSPATH_FOLDER + NAME + "-*.tgz");
      if (found.length != 1) {
        throw new IllegalStateException(
            "Expected one "
                + CLASSPATH_FOLDER
                + NAME
                + "-<version>.tgz on the classpath, found "
                + Arrays.toString(found)
                + ". It is made by ./mvnw process-classes (needs Node.js, see README).");
      }
      String location = CLASSPATH_FOLDER + found[0].getFilename();
      try (var in = found[0].getInputStream()) {
        return new IgPackage(location, in.readAllBytes());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the implementation guide package", e);
    }
  }

  public String name() {
    return npm.name();
  }

  public String version() {
    return npm.version();
  }

  public String canonical() {
    return npm.canonical();
  }

  /**
   * The packages the guide depends on, as the build put them beside it: {@code
   * ig/dependencies/hl7.fhir.uv.extensions.r4-5.3.0-ballot-tc1.tgz}.
   */
  public List<String> dependencyClasspathLocations() {
    try {
      return Arrays.stream(
              RESOLVER.getResources("classpath*:" + CLASSPATH_FOLDER + "dependencies/*.tgz"))
          .map(resource -> CLASSPATH_FOLDER + "dependencies/" + resource.getFilename())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the guide's dependencies", e);
    }
  }

  /** Where the package sits on the classpath, e.g. {@code ig/org.patientedu.fhir-0.1.0.tgz}. */
  public String classpathLocation() {
    return classpathLocation;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  NpmPackage npm() {
    return npm;
  }

  /** The package's conformance resources of one type (not its examples), parsed. */
  public <T extends IBaseResource> List<T> resources(Class<T> type, FhirContext fhirContext) {
    String typeName = fhirContext.getResourceType(type);
    List<T> resources = new ArrayList<>();
    try {
      for (String file : npm.listResources(typeName)) {
        try (InputStream in = npm.loadResource(file)) {
          resources.add(fhirContext.newJsonParser().parseResource(type, in));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + typeName + " resources of " + NAME, e);
    }
    return resources;
  }
}
