package org.patientedu.ig.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the implementation guide inside the Maven build (pom.xml, exec-maven-plugin execution
 * {@code ig-build}, phase process-classes). Build-only code: compiled from src/build/java into
 * target/build-classes, never into the application jar; the running application never calls it.
 *
 * <p>{@code IgBuildTool IG_DIR PACK_DIR WORK_DIR TGZ}: checks Node; builds hl7.fhir.r4.core into a
 * FHIR package cache under WORK_DIR and puts the guide's dependencies there (the FHIR extensions
 * pack, see {@link DependencyPackages}); installs SUSHI from ig/package-lock.json ({@code npm ci},
 * only when the lock changed); runs SUSHI with HOME pointing at WORK_DIR so that it finds that
 * cache and nothing from the user's home; packs the result into TGZ.
 */
public final class IgBuildTool {

  private static final String NODE_HINT =
      "The implementation guide (ig/) is compiled by SUSHI, which needs "
          + "Node.js 18 or newer and npm on the PATH. Install them (Debian/Ubuntu: apt-get install -y nodejs npm) "
          + "and build again.";

  /** Beside the guide's package on the classpath: the packages it depends on. */
  private static final String DEPENDENCIES = "dependencies";

  private IgBuildTool() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: IgBuildTool IG_DIR PACK_DIR WORK_DIR TGZ");
    }
    Path ig = Path.of(args[0]).toAbsolutePath();
    Path pack = Path.of(args[1]).toAbsolutePath();
    Path work = Path.of(args[2]).toAbsolutePath();
    Path tgz = Path.of(args[3]).toAbsolutePath();

    if (upToDate(tgz, ig, pack)) {
      System.out.println("[ig] package up to date: " + tgz);
      return;
    }
    requireNode();
    Path home = work.resolve("fhir-home");
    Path cache = home.resolve(".fhir").resolve("packages");
    CorePackageBuilder.build(cache);
    DependencyPackages.install(
        DependencyPackages.declared(IgPackager.readConfig(ig.resolve("sushi-config.yaml"))),
        cache,
        work.resolve("downloads"),
        tgz.getParent().resolve(DEPENDENCIES));
    installSushi(ig);
    Path sushiOut = work.resolve("sushi");
    PackageFiles.deleteTree(sushiOut);
    run(
        ig,
        home,
        "SUSHI found errors in ig/input/fsh (see above)",
        "node",
        ig.resolve("node_modules/fsh-sushi/dist/app.js").toString(),
        "build",
        ig.toString(),
        "--out",
        sushiOut.toString());
    new IgPackager()
        .build(
            sushiOut.resolve("fsh-generated/resources"),
            ig,
            pack,
            work.resolve("package-tree"),
            tgz);
    System.out.println("[ig] package written: " + tgz);
  }

  /**
   * Skips SUSHI (about 20 s) when nothing in ig/, the content pack or this tool changed since the
   * package was made.
   */
  private static boolean upToDate(Path tgz, Path ig, Path pack) throws IOException {
    if (!Files.exists(tgz) || !Files.exists(tgz.getParent().resolve(DEPENDENCIES))) {
      return false;
    }
    FileTime made = Files.getLastModifiedTime(tgz);
    Path tool;
    try {
      tool =
          Path.of(IgBuildTool.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolve(IgBuildTool.class.getPackageName().replace('.', '/'));
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return false;
    }
    if (!Files.isDirectory(tool)) {
      return false;
    }
    for (Path root : List.of(ig, pack, tool)) {
      try (Stream<Path> files = Files.walk(root)) {
        boolean changed =
            files
                .filter(f -> !f.startsWith(ig.resolve("node_modules")) && Files.isRegularFile(f))
                .anyMatch(
                    f -> {
                      try {
                        return Files.getLastModifiedTime(f).compareTo(made) > 0;
                      } catch (IOException e) {
                        return true;
                      }
                    });
        if (changed) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * npm ci, skipped when node_modules already matches package-lock.json (npm writes that copy
   * last).
   */
  private static void installSushi(Path ig) throws IOException, InterruptedException {
    Path lock = ig.resolve("package-lock.json");
    Path installed = ig.resolve("node_modules/.package-lock.json");
    if (Files.exists(installed)
        && Files.exists(ig.resolve("node_modules/fsh-sushi/dist/app.js"))
        && Files.getLastModifiedTime(installed).compareTo(Files.getLastModifiedTime(lock)) >= 0) {
      return;
    }
    run(ig, null, "npm ci failed in ig/", "npm", "ci", "--no-audit", "--no-fund");
  }

  private static void run(Path dir, Path home, String failure, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(List.of(command)).directory(dir.toFile()).inheritIO();
    if (home != null) {
      builder.environment().put("HOME", home.toString());
    }
    System.out.println("[ig] " + String.join(" ", command));
    Process process = builder.start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException(failure + ": timed out");
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(failure + " (exit code " + process.exitValue() + ")");
    }
  }

  /** Says plainly what is missing instead of failing later with "Cannot run program". */
  static void requireNode() throws InterruptedException {
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      String version = new String(node.getInputStream().readAllBytes()).strip();
      if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
        throw new IllegalStateException("`node --version` failed. " + NODE_HINT);
      }
      int major = Integer.parseInt(version.replaceFirst("^v(\\d+).*$", "$1"));
      if (major < 18) {
        throw new IllegalStateException("Found Node " + version + ". " + NODE_HINT);
      }
      Process npm = new ProcessBuilder("npm", "--version").redirectErrorStream(true).start();
      npm.getInputStream().readAllBytes();
      if (!npm.waitFor(60, TimeUnit.SECONDS) || npm.exitValue() != 0) {
        throw new IllegalStateException("`npm --version` failed. " + NODE_HINT);
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("Node.js or npm not found. " + NODE_HINT, e);
    }
  }
}
