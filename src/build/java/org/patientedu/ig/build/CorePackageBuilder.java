package org.patientedu.ig.build;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Builds {@code hl7.fhir.r4.core#4.0.1} into a FHIR package cache, because no registry this build
 * can reach ships it. The source is the FHIR R4 definitions that HAPI publishes as a Maven artifact
 * ({@code hapi-fhir-validation-resources-r4}): the same bundles the FHIR 4.0.1 release was made
 * from, split into one JSON file per resource as a FHIR package holds them.
 */
final class CorePackageBuilder {

  static final String NAME = "hl7.fhir.r4.core";
  static final String VERSION = "4.0.1";
  private static final String ROOT = "/org/hl7/fhir/r4/model/";
  private static final List<String> BUNDLES =
      List.of(
          "profile/profiles-types.xml",
          "profile/profiles-resources.xml",
          "profile/profiles-others.xml",
          "extension/extension-definitions.xml",
          "valueset/valuesets.xml",
          "valueset/v3-codesystems.xml",
          "valueset/v2-tables.xml",
          "sp/search-parameters.json");

  private CorePackageBuilder() {}

  /**
   * Writes {@code <cache>/hl7.fhir.r4.core#4.0.1/package/}; does nothing if it is already there.
   */
  static Path build(Path cache) throws IOException {
    Path packageDir = cache.resolve(NAME + "#" + VERSION).resolve("package");
    Path manifest = packageDir.resolve("package.json");
    if (Files.exists(manifest)) {
      return packageDir;
    }
    Path work = Files.createDirectories(cache).resolve(NAME + "#" + VERSION + ".partial");
    PackageFiles.deleteTree(work);
    Path files = Files.createDirectories(work.resolve("package"));
    FhirContext fhir = FhirContext.forR4Cached();
    IParser json = fhir.newJsonParser();
    List<Resource> resources = new ArrayList<>();
    for (String name : BUNDLES) {
      try (InputStream in = CorePackageBuilder.class.getResourceAsStream(ROOT + name)) {
        if (in == null) {
          throw new IOException(
              "Not on the classpath: "
                  + ROOT
                  + name
                  + " (dependency ca.uhn.hapi.fhir:hapi-fhir-validation-resources-r4)");
        }
        IParser parser = name.endsWith(".json") ? fhir.newJsonParser() : fhir.newXmlParser();
        Bundle bundle =
            parser.parseResource(Bundle.class, new InputStreamReader(in, StandardCharsets.UTF_8));
        bundle.getEntry().forEach(entry -> resources.add(entry.getResource()));
      }
    }
    for (Resource resource : resources) {
      String file = PackageFiles.fileName(resource);
      Files.writeString(files.resolve(file), json.encodeResourceToString(resource));
    }
    PackageFiles.writeIndex(files, resources);
    Files.writeString(
        files.resolve("package.json"),
        """
        {
          "name": "%s",
          "version": "%s",
          "description": "FHIR R4 core definitions, rebuilt offline from hapi-fhir-validation-resources-r4",
          "fhirVersions": ["%s"],
          "type": "core",
          "canonical": "http://hl7.org/fhir",
          "url": "http://hl7.org/fhir/R4",
          "dependencies": {}
        }
        """
            .formatted(NAME, VERSION, VERSION));
    Path target = cache.resolve(NAME + "#" + VERSION);
    PackageFiles.deleteTree(target);
    Files.move(work, target); // only a complete package ever appears under its real name
    return packageDir;
  }
}
