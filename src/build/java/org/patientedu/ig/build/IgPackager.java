package org.patientedu.ig.build;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ImplementationGuide;
import org.hl7.fhir.r4.model.ImplementationGuide.ImplementationGuideDefinitionResourceComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.patientedu.contentpack.PackTerminology;
import org.yaml.snakeyaml.Yaml;

/**
 * Makes the FHIR NPM package from SUSHI's output: definitions in {@code package/}, examples in
 * {@code package/example/} (SUSHI's FSH examples and the content pack's Library and
 * DocumentReference files as they are, since the server serves exactly those; these also in {@code
 * package/} for HAPI's installer), the narrative pages in {@code package/other/}, a {@code
 * package.json} and an {@code .index.json} per folder.
 */
final class IgPackager {

  /** Files of each pack entry that are examples of a profile; Binaries and sources are not. */
  private static final Map<String, String> PACK_EXAMPLES =
      Map.of(
          "Library.json", PackTerminology.PROFILE_LIBRARY,
          "DocumentReference.json", PackTerminology.PROFILE_DOCUMENT_REFERENCE);

  private final FhirContext fhir = FhirContext.forR4Cached();
  private final IParser parser = fhir.newJsonParser().setPrettyPrint(true);

  /**
   * @param sushiResources SUSHI's {@code fsh-generated/resources} folder
   * @param igDir the {@code ig/} folder (sushi-config.yaml, input/pagecontent)
   * @param packDir the content pack ({@code fhir-resources/}); entries named oxytocin-* become
   *     examples
   * @param workDir a scratch folder for the package tree
   * @param tgz the package file to write
   */
  void build(Path sushiResources, Path igDir, Path packDir, Path workDir, Path tgz)
      throws IOException {
    Map<String, Object> config = readConfig(igDir.resolve("sushi-config.yaml"));
    PackageFiles.deleteTree(workDir);
    Path pkg = Files.createDirectories(workDir.resolve("package"));
    Path examples = Files.createDirectories(pkg.resolve("example"));
    Path other = Files.createDirectories(pkg.resolve("other"));

    ImplementationGuide guide = null;
    List<Resource> definitions = new ArrayList<>();
    List<Path> sushiFiles = jsonFiles(sushiResources);
    Map<String, Resource> byReference = new LinkedHashMap<>();
    for (Path file : sushiFiles) {
      Resource resource = parse(file);
      if (resource instanceof ImplementationGuide ig) {
        guide = ig;
      }
      byReference.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
    }
    if (guide == null) {
      throw new IOException("SUSHI wrote no ImplementationGuide resource to " + sushiResources);
    }
    Set<String> exampleRefs = exampleReferences(guide);
    List<Resource> exampleResources = new ArrayList<>();
    for (Map.Entry<String, Resource> entry : byReference.entrySet()) {
      Resource resource = entry.getValue();
      if (resource == guide) {
        continue;
      }
      boolean example = exampleRefs.contains(entry.getKey());
      Files.writeString(
          (example ? examples : pkg).resolve(PackageFiles.fileName(resource)),
          parser.encodeResourceToString(resource));
      (example ? exampleResources : definitions).add(resource);
    }
    for (Path file : packExampleFiles(packDir)) {
      Resource resource = parse(file);
      // Copied byte for byte: exactly the file the server loads. In example/ for validators and IG
      // tools, and in package/ too because HAPI's package installer reads only package/ (with
      // installResourceTypes Library and DocumentReference, an empty server gets the five pages).
      Files.copy(file, examples.resolve(PackageFiles.fileName(resource)));
      // HAPI's installer matches a resource without a canonical url by identifier (HAPI-1292
      // otherwise): the importer gives every DocumentReference one.
      Files.copy(file, pkg.resolve(PackageFiles.fileName(resource)));
      exampleResources.add(resource);
      definitions.add(resource);
      guide
          .getDefinition()
          .addResource()
          .setReference(
              new Reference(resource.fhirType() + "/" + resource.getIdElement().getIdPart()))
          .setName(
              resource.getNamedProperty("title") != null
                      && resource.getNamedProperty("title").hasValues()
                  ? resource.getNamedProperty("title").getValues().get(0).primitiveValue()
                  : resource.getIdElement().getIdPart())
          .setExample(new CanonicalType(PACK_EXAMPLES.get(file.getFileName().toString())));
    }
    Files.writeString(
        pkg.resolve(PackageFiles.fileName(guide)), parser.encodeResourceToString(guide));
    definitions.add(guide);
    PackageFiles.writeIndex(pkg, definitions);
    PackageFiles.writeIndex(examples, exampleResources);
    copyPages(igDir.resolve("input/pagecontent"), other);
    PackageFiles.JSON.writeValue(pkg.resolve("package.json").toFile(), manifest(config));
    PackageFiles.writeTgz(workDir, tgz);
  }

  private static Map<String, Object> manifest(Map<String, Object> config) {
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("name", config.get("id"));
    manifest.put("version", String.valueOf(config.get("version")));
    manifest.put("type", "IG");
    manifest.put("canonical", config.get("canonical"));
    manifest.put("url", config.get("canonical") + "/ig");
    manifest.put("title", config.get("title"));
    manifest.put("description", String.valueOf(config.get("description")).strip());
    manifest.put("fhirVersions", List.of(String.valueOf(config.get("fhirVersion"))));
    Map<String, String> dependencies = new LinkedHashMap<>();
    dependencies.put(CorePackageBuilder.NAME, CorePackageBuilder.VERSION);
    dependencies.putAll(DependencyPackages.declared(config));
    manifest.put("dependencies", dependencies);
    manifest.put("jurisdiction", "urn:iso:std:iso:3166#US");
    manifest.put("license", config.get("license"));
    if (config.get("publisher") instanceof Map<?, ?> publisher) {
      manifest.put("author", publisher.get("name"));
    }
    return manifest;
  }

  /**
   * Resources the ImplementationGuide marks as examples (exampleBoolean true or exampleCanonical).
   */
  private static Set<String> exampleReferences(ImplementationGuide guide) {
    Set<String> refs = new java.util.HashSet<>();
    for (ImplementationGuideDefinitionResourceComponent resource :
        guide.getDefinition().getResource()) {
      boolean example =
          resource.hasExampleCanonicalType()
              || (resource.hasExampleBooleanType()
                  && resource.getExampleBooleanType().booleanValue());
      if (example) {
        refs.add(resource.getReference().getReference());
      }
    }
    return refs;
  }

  private static List<Path> packExampleFiles(Path packDir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(packDir)) {
      for (Path entry : entries.filter(Files::isDirectory).sorted().toList()) {
        if (!entry.getFileName().toString().startsWith("oxytocin-")) {
          continue; // the pack's own samples (e.g. example/) are not guide examples
        }
        for (String name : PACK_EXAMPLES.keySet().stream().sorted().toList()) {
          if (Files.isRegularFile(entry.resolve(name))) {
            files.add(entry.resolve(name));
          }
        }
      }
    }
    return files;
  }

  private static void copyPages(Path from, Path to) throws IOException {
    for (Path page : jsonOrMd(from, ".md")) {
      Files.copy(page, to.resolve(page.getFileName()));
    }
  }

  private Resource parse(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      return (Resource) parser.parseResource(reader);
    }
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    return jsonOrMd(dir, ".json");
  }

  private static List<Path> jsonOrMd(Path dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> readConfig(Path sushiConfig) throws IOException {
    try (Reader reader = Files.newBufferedReader(sushiConfig)) {
      return (Map<String, Object>) new Yaml().load(reader);
    }
  }
}
