package org.patientedu.ig.build;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The FHIR packages the guide depends on ({@code dependencies} in sushi-config.yaml), today the
 * FHIR extensions pack {@code hl7.fhir.uv.extensions.r4}. npm serves it, but {@code npm install}
 * cannot take it (its manifest names FHIR packages npm does not have), so each is fetched as a bare
 * tarball with {@code npm pack} (npm's cache makes later builds offline), checked against the
 * integrity pinned here, unpacked into SUSHI's package cache, and copied beside the guide's own
 * package on the classpath ({@code ig/dependencies/}) for the validator.
 */
final class DependencyPackages {

  /**
   * The sha512 of each tarball, as {@code npm view <name>@<version> dist.integrity} gives it:
   * changing a version in sushi-config.yaml means pinning its tarball here too.
   */
  private static final Map<String, String> INTEGRITY =
      Map.of(
          "hl7.fhir.uv.extensions.r4#5.3.0-ballot-tc1",
          "sha512-mhPmWj0dZvIC7JQLkqxT42/UpoIyYwFtSiIZbhX/ArfX96hR5oTqNvAUvMD+dMH45m4mGMQ19WyCZFpP1OLEbQ==");

  private DependencyPackages() {}

  /** name to version, as sushi-config.yaml lists them. */
  static Map<String, String> declared(Map<String, Object> sushiConfig) {
    Map<String, String> dependencies = new LinkedHashMap<>();
    if (sushiConfig.get("dependencies") instanceof Map<?, ?> declared) {
      declared.forEach(
          (name, version) ->
              dependencies.put(
                  String.valueOf(name),
                  version instanceof Map<?, ?> detail
                      ? String.valueOf(detail.get("version"))
                      : String.valueOf(version)));
    }
    return dependencies;
  }

  /**
   * Fetches, checks and installs every dependency.
   *
   * @param cache SUSHI's FHIR package cache ({@code <home>/.fhir/packages})
   * @param downloads where the tarballs are kept between builds
   * @param classpathFolder where the validator finds them ({@code classes/ig/dependencies})
   * @return the tarballs, one a dependency
   */
  static List<Path> install(
      Map<String, String> dependencies, Path cache, Path downloads, Path classpathFolder)
      throws IOException, InterruptedException {
    PackageFiles.deleteTree(classpathFolder);
    Files.createDirectories(classpathFolder);
    Files.createDirectories(downloads);
    List<Path> tarballs = new ArrayList<>();
    for (Map.Entry<String, String> dependency : dependencies.entrySet()) {
      String key = dependency.getKey() + "#" + dependency.getValue();
      String pinned = INTEGRITY.get(key);
      if (pinned == null) {
        throw new IllegalStateException(
            "sushi-config.yaml depends on "
                + key
                + ", whose tarball integrity is not pinned in DependencyPackages.INTEGRITY");
      }
      Path tarball = downloads.resolve(dependency.getKey() + "-" + dependency.getValue() + ".tgz");
      if (!Files.exists(tarball) || !integrity(tarball).equals(pinned)) {
        fetch(dependency.getKey() + "@" + dependency.getValue(), downloads);
      }
      if (!integrity(tarball).equals(pinned)) {
        throw new IllegalStateException(
            key + " from npm does not match its pinned integrity " + pinned);
      }
      unpack(tarball, cache.resolve(key));
      Files.copy(
          tarball,
          classpathFolder.resolve(tarball.getFileName()),
          StandardCopyOption.REPLACE_EXISTING);
      tarballs.add(tarball);
    }
    return tarballs;
  }

  private static void fetch(String spec, Path downloads) throws IOException, InterruptedException {
    System.out.println("[ig] npm pack " + spec);
    Process npm =
        new ProcessBuilder(
                "npm", "pack", spec, "--pack-destination", downloads.toString(), "--silent")
            .inheritIO()
            .start();
    if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new IllegalStateException("npm pack " + spec + " failed");
    }
  }

  /** The package's {@code package/} folder into {@code <cache>/<name>#<version>/package}. */
  private static void unpack(Path tarball, Path target) throws IOException {
    if (Files.exists(target.resolve("package/package.json"))) {
      return;
    }
    Path partial = target.resolveSibling(target.getFileName() + ".partial");
    PackageFiles.deleteTree(partial);
    try (InputStream in = Files.newInputStream(tarball);
        TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path file = partial.resolve(entry.getName()).normalize();
        if (!file.startsWith(partial)) {
          throw new IOException("Unsafe path in " + tarball + ": " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(file);
        } else {
          Files.createDirectories(file.getParent());
          Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    PackageFiles.deleteTree(target);
    Files.move(partial, target);
  }

  /** npm's integrity string: "sha512-" and the base64 digest. */
  static String integrity(Path file) throws IOException {
    try {
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      return "sha512-"
          + Base64.getEncoder().encodeToString(sha512.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is always in the JDK", e);
    }
  }
}
