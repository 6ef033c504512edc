package org.patientedu.contentpack.loading;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads every {@code *.json} resource of the pack, strictly parsed, from a folder or from the copy
 * bundled in the application jar, and validates the files about to be stored. Any bad file stops
 * the whole load, so nothing is loaded half-way.
 */
class ContentPackReader {

  /**
   * Where the build copies the pack's JSON files on the classpath (pom.xml, {@code
   * bundle-content-pack}), so that the jar serves its pack from any working directory.
   */
  static final String BUNDLED_PACK = "content-pack/";

  /** One resource from the pack and the file it came from, for error messages. */
  record PackFile(String location, IBaseResource resource, String sha1) {
    String typeAndId() {
      return resource.getIdElement().getResourceType() + "/" + resource.getIdElement().getIdPart();
    }

    /**
     * Recorded as meta.source of the version this file produced. The hash is of the file's bytes,
     * so the bundled copy and the folder it was built from count as the same file.
     */
    String sourceUri() {
      return "urn:patientedu:content-pack:sha1:" + sha1;
    }
  }

  /** A pack file's name (for messages and the load order) and its bytes. */
  private record RawFile(String location, byte[] bytes) {}

  private final IParser parser;
  private final FhirValidator validator;

  ContentPackReader(FhirContext fhirContext, FhirValidator validator) {
    this.parser = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    this.validator = validator;
  }

  /** The pack in a folder ({@code edu.content-pack.dir}). */
  List<PackFile> read(Path packDir) {
    if (!Files.isDirectory(packDir)) {
      throw new ContentPackException("Content pack folder not found: " + packDir.toAbsolutePath());
    }
    return parseAll(folderFiles(packDir));
  }

  /** The pack the build bundled into the application (the default). */
  List<PackFile> readBundled() {
    List<RawFile> files = bundledFiles();
    if (files.isEmpty()) {
      throw new ContentPackException(
          "No content pack on the classpath ("
              + BUNDLED_PACK
              + "): set edu.content-pack.dir to the pack folder, or edu.content-pack.enabled=false");
    }
    return parseAll(files);
  }

  private List<PackFile> parseAll(List<RawFile> rawFiles) {
    List<PackFile> files = new ArrayList<>();
    for (RawFile raw : rawFiles) {
      files.add(new PackFile(raw.location(), parse(raw), sha1Of(raw.bytes())));
    }
    rejectDuplicateIds(files);
    return files;
  }

  private static List<RawFile> folderFiles(Path packDir) {
    try (Stream<Path> walk = Files.walk(packDir)) {
      List<RawFile> files = new ArrayList<>();
      for (Path path :
          walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
              .sorted()
              .toList()) {
        files.add(new RawFile(path.toString(), Files.readAllBytes(path)));
      }
      return files;
    } catch (IOException e) {
      throw new ContentPackException(
          "Cannot read the content pack folder " + packDir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Spring's resource pattern resolver lists the bundled files in an exploded classpath and inside
   * the (nested) Spring Boot jar alike.
   */
  private static List<RawFile> bundledFiles() {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver(ContentPackReader.class.getClassLoader())
              .getResources("classpath:" + BUNDLED_PACK + "**/*.json");
      List<RawFile> files = new ArrayList<>();
      for (Resource resource : resources) {
        String url = resource.getURL().toString();
        String location =
            "classpath:" + url.substring(url.lastIndexOf(BUNDLED_PACK)); // content-pack/<id>/x
        try (InputStream in = resource.getInputStream()) {
          files.add(new RawFile(location, in.readAllBytes()));
        }
      }
      files.sort(Comparator.comparing(RawFile::location)); // the folder's order
      return files;
    } catch (FileNotFoundException noBundledPack) {
      return List.of();
    } catch (IOException e) {
      throw new ContentPackException("Cannot read the bundled content pack: " + e.getMessage(), e);
    }
  }

  private IBaseResource parse(RawFile file) {
    IBaseResource resource;
    try {
      resource = parser.parseResource(new String(file.bytes(), StandardCharsets.UTF_8));
    } catch (DataFormatException e) {
      throw new ContentPackException(
          file.location() + ": not a valid FHIR R4 JSON resource: " + e.getMessage(), e);
    }
    if (!resource.getIdElement().hasIdPart()) {
      throw new ContentPackException(
          file.location() + ": the resource has no id; pack resources need stable ids.");
    }
    return resource;
  }

  /**
   * Validates a file against FHIR R4 before it is stored. Only files about to be stored need it: a
   * file already stored (same bytes) passed when it was loaded, and skipping it spares a restart
   * the validator's warm-up (seconds, and its definitions in memory).
   */
  void validate(PackFile file) {
    ValidationResult result = validator.validateWithResult(file.resource());
    List<SingleValidationMessage> errors =
        result.getMessages().stream()
            .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
            .toList();
    if (!errors.isEmpty()) {
      throw new ContentPackException(
          file.location()
              + ": fails validation: "
              + errors.stream()
                  .map(m -> m.getLocationString() + " " + m.getMessage())
                  .collect(Collectors.joining("; ")));
    }
  }

  private static String sha1Of(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }

  private static void rejectDuplicateIds(List<PackFile> files) {
    Map<String, String> seen = new HashMap<>();
    for (PackFile file : files) {
      String previous = seen.putIfAbsent(file.typeAndId(), file.location());
      if (previous != null) {
        throw new ContentPackException(
            file.location() + ": " + file.typeAndId() + " is also defined in " + previous);
      }
    }
  }
}
