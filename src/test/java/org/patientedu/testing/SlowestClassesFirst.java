package org.patientedu.testing;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order in which the integration test classes are handed to JUnit's two parallel threads: the
 * classes that start servers of their own, slowest first, then the others in the order they were
 * found ({@code junit.jupiter.testclass.order.default}, failsafe's configuration in {@code
 * pom.xml}).
 *
 * <p>Why: JUnit forks every class into its fork-join pool; one thread then takes classes from the
 * back of the list while the other steals from the front. In the order the class path happened to
 * list them, the slowest class ({@code PostgresIT}, over 5 minutes) started late and ran alone for
 * almost 4 minutes, the other thread idle, in a build CI gives 30 minutes. With the slowest at the
 * front, they start at once, and the threads meet among classes of a minute or less. Classes that
 * run alone ({@code @Isolated}) come after all the others whatever their place here.
 *
 * <p>Seconds are those of the full build on 2026-12-02 (failsafe's reports, two classes at a time).
 * A class missing here is only run later; a renamed one falls back to the order found.
 */
public final class SlowestClassesFirst implements ClassOrderer {

  private static final List<String> SLOWEST_FIRST =
      List.of(
          "PostgresIT", // 325 s: PostgreSQL, OpenSearch and two nodes, started twice
          "SyntheticPackSlicedLoadIT", // 246 s: three starts
          "ContentPackReloadIT", // 199 s: four starts
          "SyntheticPackIT", // 138 s
          "CatalogReadAuditIT", // 114 s
          "RecordAsGivenIT", // 111 s
          "CdsHooksIT", // 82 s
          "WardSettingsIT", // 70 s
          "SelfContainedJarIT", // 62 s
          "PackageInstallIT", // 61 s
          "ExternalIssuerIT", // 61 s
          "InfobuttonIT", // 60 s
          "CdsHooksWithoutPublicAddressIT"); // 52 s

  @Override
  public void orderClasses(ClassOrdererContext context) {
    // List.sort is stable: the classes not named keep the order they were found in.
    context
        .getClassDescriptors()
        .sort(Comparator.comparingInt(descriptor -> rank(descriptor.getTestClass())));
  }

  private static int rank(Class<?> testClass) {
    int rank = SLOWEST_FIRST.indexOf(testClass.getSimpleName());
    return rank < 0 ? SLOWEST_FIRST.size() : rank;
  }
}
