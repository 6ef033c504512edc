package org.patientedu.contentpack.loading;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.patientedu.contentpack.PackTerminology;

/**
 * Reads the pack folder: every {@code *.json} file with its SHA-1, and a file's resource strictly
 * parsed and validated. Any bad file stops the whole read, so nothing is loaded half-way.
 */
class ContentPackReader {

  private static final String SOURCE_PREFIX = "urn:patientedu:content-pack:sha1:";

  /** One file of the pack, not read yet beyond its hash. */
  record PackFileRef(Path path, String sha1) {
    /** Recorded as meta.source of the version this file produced. */
    String sourceUri() {
      return SOURCE_PREFIX + sha1;
    }
  }

  /** One resource from the pack and the file it came from, for error messages. */
  record PackFile(PackFileRef file, IBaseResource resource) {
    String typeAndId() {
      return typeAndId(resource);
    }

    static String typeAndId(IBaseResource resource) {
      return resource.getIdElement().getResourceType() + "/" + resource.getIdElement().getIdPart();
    }
  }

  static String type(String typeAndId) {
    return typeAndId.substring(0, typeAndId.indexOf('/'));
  }

  /** The file hash in a meta.source this loader wrote, or null for any other source. */
  static String sha1OfSource(String source) {
    if (source == null || !source.startsWith(SOURCE_PREFIX)) {
      return null;
    }
    // HAPI may append "#request-id" to the source it stores
    int hash = source.indexOf('#');
    return source.substring(SOURCE_PREFIX.length(), hash < 0 ? source.length() : hash);
  }

  static String sourceUriPattern() {
    return SOURCE_PREFIX + "%";
  }

  private static final int VALIDATION_BATCH = 100;

  /** "Bundle.entry[3].resource": which entry of a validation batch a message is about. */
  private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.resource");

  private final IParser parser;
  private final FhirValidator validator;

  ContentPackReader(FhirContext fhirContext, FhirValidator validator) {
    this.parser = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    this.validator = validator;
  }

  /** Every JSON file of the pack, in name order, with its hash. */
  List<PackFileRef> list(Path packDir) {
    if (!Files.isDirectory(packDir)) {
      throw new ContentPackException("Content pack folder not found: " + packDir.toAbsolutePath());
    }
    return jsonFiles(packDir).parallelStream()
        .map(path -> new PackFileRef(path, sha1Of(path)))
        .toList();
  }

  private static List<Path> jsonFiles(Path packDir) {
    try (Stream<Path> walk = Files.walk(packDir)) {
      return walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ContentPackException(
          "Cannot list the content pack folder " + packDir + ": " + e.getMessage(), e);
    }
  }

  /** The whole pack: every file read, parsed and validated, each id once. */
  List<PackFile> read(Path packDir) {
    return read(list(packDir));
  }

  /**
   * The files' resources, parsed and validated, in the order given, each id once. Validation is
   * most of a first load's time, and HAPI's validator sets itself up afresh for every call (it
   * rebuilds its instance validator, reading the OID table from a jar each time): resources are
   * therefore validated a batch at a time, as the entries of one collection Bundle, batches on
   * every core (HAPI's parser and validator are thread-safe).
   */
  List<PackFile> read(List<PackFileRef> files) {
    List<PackFile> parsed =
        files.parallelStream().map(file -> new PackFile(file, parse(file))).toList();
    Map<Path, String> idsByPath = new TreeMap<>();
    parsed.forEach(file -> idsByPath.put(file.file().path(), file.typeAndId()));
    rejectDuplicateIds(idsByPath);
    int batches = (parsed.size() + VALIDATION_BATCH - 1) / VALIDATION_BATCH;
    IntStream.range(0, batches)
        .parallel()
        .forEach(
            b ->
                validate(
                    parsed.subList(
                        b * VALIDATION_BATCH,
                        Math.min(parsed.size(), (b + 1) * VALIDATION_BATCH))));
    return parsed;
  }

  private IBaseResource parse(PackFileRef file) {
    Path path = file.path();
    IBaseResource resource;
    try {
      resource = parser.parseResource(Files.readString(path));
    } catch (IOException | DataFormatException e) {
      throw new ContentPackException(
          path + ": not a valid FHIR R4 JSON resource: " + e.getMessage(), e);
    }
    if (!resource.getIdElement().hasIdPart()) {
      throw new ContentPackException(
          path + ": the resource has no id; pack resources need stable ids.");
    }
    return resource;
  }

  /** Throws naming the first file of the batch that has an error, and its errors. */
  private void validate(List<PackFile> batch) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (PackFile file : batch) {
      // a copy: an entry's resource must not be shared with the transaction built later
      Resource resource = ((Resource) file.resource()).copy();
      bundle
          .addEntry()
          .setFullUrl(PackTerminology.CANONICAL_BASE + "/fhir/" + file.typeAndId())
          .setResource(resource);
    }
    ValidationResult result = validator.validateWithResult(bundle);
    Map<Integer, List<String>> errorsByEntry = new TreeMap<>();
    for (SingleValidationMessage message : result.getMessages()) {
      if (message.getSeverity().ordinal() < ResultSeverityEnum.ERROR.ordinal()) {
        continue;
      }
      String location = message.getLocationString() == null ? "" : message.getLocationString();
      Matcher entry = ENTRY.matcher(location);
      boolean inEntry = entry.find();
      int index = inEntry ? Integer.parseInt(entry.group(1)) : 0;
      // "Bundle.entry[3].resource/*Library/x*/.status" is "Library.status" in the file
      String where =
          inEntry
              ? type(batch.get(index).typeAndId())
                  + location.substring(entry.end()).replaceFirst("^/\\*[^*]*\\*/", "")
              : location;
      errorsByEntry
          .computeIfAbsent(index, i -> new ArrayList<>())
          .add(where + " " + message.getMessage());
    }
    if (!errorsByEntry.isEmpty()) {
      Map.Entry<Integer, List<String>> first = errorsByEntry.entrySet().iterator().next();
      throw new ContentPackException(
          batch.get(first.getKey()).file().path()
              + ": fails validation: "
              + String.join("; ", first.getValue()));
    }
  }

  private static String sha1Of(Path path) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(path)));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new ContentPackException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * @param idsByPath every file's type and id (read from the file, or known from the store)
   */
  static void rejectDuplicateIds(Map<Path, String> idsByPath) {
    Map<String, Path> seen = new HashMap<>();
    idsByPath.forEach(
        (path, typeAndId) -> {
          Path previous = seen.putIfAbsent(typeAndId, path);
          if (previous != null) {
            throw new ContentPackException(
                path + ": " + typeAndId + " is also defined in " + previous);
          }
        });
  }
}
