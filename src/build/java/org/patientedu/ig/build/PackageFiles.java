package org.patientedu.ig.build;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StructureDefinition;

/** File conventions of a FHIR NPM package: file names, {@code .index.json}, the {@code .tgz}. */
final class PackageFiles {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PackageFiles() {}

  /** {@code StructureDefinition-foo.json}, as the IG Publisher names files. */
  static String fileName(Resource resource) {
    return resource.fhirType() + "-" + resource.getIdElement().getIdPart() + ".json";
  }

  /**
   * The folder index every FHIR package tool reads first ({@code index-version} 1): one entry a
   * file with the fields package loaders search by (resourceType, id, url, version, kind, type).
   */
  static void writeIndex(Path folder, List<? extends Resource> resources) throws IOException {
    List<Map<String, Object>> files = new ArrayList<>();
    for (Resource resource : resources) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("filename", fileName(resource));
      entry.put("resourceType", resource.fhirType());
      entry.put("id", resource.getIdElement().getIdPart());
      if (resource instanceof MetadataResource metadata) {
        putIfPresent(entry, "url", metadata.getUrl());
        putIfPresent(entry, "version", metadata.getVersion());
      }
      if (resource instanceof StructureDefinition sd) {
        putIfPresent(entry, "kind", sd.hasKind() ? sd.getKind().toCode() : null);
        putIfPresent(entry, "type", sd.getType());
      }
      files.add(entry);
    }
    files.sort(Comparator.comparing(f -> (String) f.get("filename")));
    Map<String, Object> index = new LinkedHashMap<>();
    index.put("index-version", 1);
    index.put("files", files);
    JSON.writeValue(folder.resolve(".index.json").toFile(), index);
  }

  private static void putIfPresent(Map<String, Object> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /**
   * Tars and gzips {@code root} so that its children sit at the archive's top level; fixed file
   * times make the bytes reproducible.
   */
  static void writeTgz(Path root, Path tgz) throws IOException {
    Files.createDirectories(tgz.getParent());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(tgz);
        GzipCompressorOutputStream gzip = new GzipCompressorOutputStream(out);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Path file : files) {
        TarArchiveEntry entry =
            new TarArchiveEntry(file.toFile(), root.relativize(file).toString().replace('\\', '/'));
        entry.setModTime(FileTime.fromMillis(0));
        tar.putArchiveEntry(entry);
        Files.copy(file, tar);
        tar.closeArchiveEntry();
      }
    }
  }

  static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
