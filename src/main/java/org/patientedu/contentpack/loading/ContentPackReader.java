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
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.patientedu.contentpack.PackTerminology;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.lang.Nullable;

/**
 * Reads the pack, from a folder or from the copy bundled in the application jar: every {@code
 * *.json} file with its SHA-1, and a file's resource strictly parsed and validated. Any bad file
 * stops the read, naming the file.
 */
class ContentPackReader {

  /**
   * Where the build copies the pack's JSON files on the classpath (pom.xml, {@code
   * bundle-content-pack}), so that the jar serves its pack from any working directory.
   */
  static final String BUNDLED_PACK = "content-pack/";

  private static final String SOURCE_PREFIX = "urn:patientedu:content-pack:sha1:";

  /**
   * One file of the pack, not read yet beyond its hash: a folder's file or a bundled one ({@code
   * location} names it in messages and orders the load).
   */
  record PackFileRef(String location, InputStreamSource source, String sha1) {
    /**
     * Recorded as meta.source of the version this file produced. The hash is of the file's bytes,
     * so the bundled copy and the folder it was built from count as the same file.
     */
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

  /**
   * The fewest resources validated in one call. Each call to HAPI's validator builds a new instance
   * validator, and a call has costs of its own besides (the Bundle encoded and parsed again): warm,
   * 800 resources took 8 % less in calls of 400 than in calls of 100. So a slice is validated in as
   * few calls as keep every core busy, and never in calls smaller than this.
   */
  static final int MIN_VALIDATION_BATCH = 100;

  /** "Bundle.entry[3].resource": which entry of a validation batch a message is about. */
  private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)]\\.resource");

  private final IParser parser;

  /**
   * Asked for only when a file is to be validated: see {@code IgConfiguration.profileValidator}.
   */
  private final Supplier<FhirValidator> validator;

  ContentPackReader(FhirContext fhirContext, Supplier<FhirValidator> validator) {
    this.parser = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    this.validator = validator;
  }

  /** Every JSON file of the pack, in name order, with its hash. */
  List<PackFileRef> list(Path packDir) {
    return list(packDir, null);
  }

  /**
   * Every JSON file of the pack, in name order, with its hash: the one {@code known} recorded for a
   * file unchanged since, else the file's bytes hashed.
   */
  List<PackFileRef> list(Path packDir, @Nullable PackFileHashes known) {
    if (!Files.isDirectory(packDir)) {
      throw new ContentPackException("Content pack folder not found: " + packDir.toAbsolutePath());
    }
    return jsonFiles(packDir).parallelStream()
        .map(
            path -> {
              String location = path.toString();
              FileSystemResource source = new FileSystemResource(path);
              Supplier<String> hash = () -> sha1Of(location, source);
              return new PackFileRef(
                  location, source, known == null ? hash.get() : known.sha1(path, hash));
            })
        .toList();
  }

  /** Every JSON file of the pack the build bundled into the application (the default). */
  List<PackFileRef> listBundled() {
    List<PackFileRef> files = bundledFiles();
    if (files.isEmpty()) {
      throw new ContentPackException(
          "No content pack on the classpath ("
              + BUNDLED_PACK
              + "): set edu.content-pack.dir to the pack folder, or edu.content-pack.enabled=false");
    }
    return files;
  }

  /**
   * Spring's resource pattern resolver lists the bundled files in an exploded classpath and inside
   * the (nested) Spring Boot jar alike.
   */
  private static List<PackFileRef> bundledFiles() {
    try {
      org.springframework.core.io.Resource[] resources =
          new PathMatchingResourcePatternResolver(ContentPackReader.class.getClassLoader())
              .getResources("classpath:" + BUNDLED_PACK + "**/*.json");
      List<PackFileRef> files = new ArrayList<>();
      for (org.springframework.core.io.Resource resource : resources) {
        String url = resource.getURL().toString();
        String location =
            "classpath:" + url.substring(url.lastIndexOf(BUNDLED_PACK)); // content-pack/<id>/x
        files.add(ref(location, resource));
      }
      files.sort(Comparator.comparing(PackFileRef::location)); // the folder's order
      return files;
    } catch (FileNotFoundException noBundledPack) {
      return List.of();
    } catch (IOException e) {
      throw new ContentPackException("Cannot read the bundled content pack: " + e.getMessage(), e);
    }
  }

  private static PackFileRef ref(String location, InputStreamSource source) {
    return new PackFileRef(location, source, sha1Of(location, source));
  }

  private static String sha1Of(String location, InputStreamSource source) {
    return sha1Of(location, bytes(location, source));
  }

  private static byte[] bytes(String location, InputStreamSource source) {
    try (InputStream in = source.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ContentPackException(location + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Every {@code *.json} file under the folder, sorted. Each folder is read on a task of its own,
   * and an entry is taken for a file by its name, any other entry tried as a folder: a pack of
   * 10,000 pages is 10,000 folders, which took 0.6-1 s to walk on one thread with a {@code stat} of
   * every entry, and 0.25-0.3 s this way (measured 2026-12-03).
   */
  private static List<Path> jsonFiles(Path packDir) {
    return jsonFilesUnder(packDir).sorted().toList();
  }

  private static Stream<Path> jsonFilesUnder(Path folder) {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder)) {
      listing.forEach(entries::add);
    } catch (NotDirectoryException notAFolder) {
      return Stream.empty();
    } catch (IOException e) {
      throw new ContentPackException(
          "Cannot list the content pack folder " + folder + ": " + e.getMessage(), e);
    }
    return entries.parallelStream()
        .flatMap(
            entry ->
                entry.getFileName().toString().endsWith(".json")
                    ? Stream.of(entry)
                    : jsonFilesUnder(entry));
  }

  /** The whole pack in a folder: every file read, parsed and validated, each id once. */
  List<PackFile> read(Path packDir) {
    return read(list(packDir));
  }

  /** The whole bundled pack: every file read, parsed and validated, each id once. */
  List<PackFile> readBundled() {
    return read(listBundled());
  }

  /**
   * The files' resources, parsed and validated, in the order given, each id once. Validation is
   * most of a first load's time, and HAPI's validator sets itself up afresh for every call (it
   * rebuilds its instance validator, reading the OID table from a jar each time): resources are
   * therefore validated a batch at a time, as the entries of one collection Bundle, one batch per
   * core (HAPI's parser and validator are thread-safe).
   */
  List<PackFile> read(List<PackFileRef> files) {
    List<PackFile> parsed = parse(files);
    Map<String, String> idsByLocation = new TreeMap<>();
    parsed.forEach(file -> idsByLocation.put(file.file().location(), file.typeAndId()));
    rejectDuplicateIds(idsByLocation);
    int batch = validationBatch(parsed.size(), Runtime.getRuntime().availableProcessors());
    int batches = (parsed.size() + batch - 1) / batch;
    // asked for once, on this thread, before the batches fan out (it is made on first use; see
    // ProfileValidation.newValidator for why the thread that makes it matters)
    FhirValidator profileValidator = validator.get();
    IntStream.range(0, batches)
        .parallel()
        .forEach(
            b ->
                validate(
                    profileValidator,
                    parsed.subList(b * batch, Math.min(parsed.size(), (b + 1) * batch))));
    return parsed;
  }

  /** How many resources one validation call takes: as many as share the cores evenly. */
  static int validationBatch(int resources, int cores) {
    int perCore = (resources + cores - 1) / Math.max(1, cores);
    return Math.max(MIN_VALIDATION_BATCH, perCore);
  }

  /**
   * The files' resources, strictly parsed but not validated, in the order given: for storing files
   * validated earlier (each file's bytes are checked against the hash they were validated with).
   */
  List<PackFile> parse(List<PackFileRef> files) {
    return files.parallelStream().map(file -> new PackFile(file, parse(file))).toList();
  }

  /**
   * The page a file belongs to: its folder (one folder per page, holding its Library,
   * DocumentReference and Binary renditions, which refer to each other).
   */
  static String page(PackFileRef file) {
    String location = file.location();
    return location.substring(
        0, Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\')) + 1);
  }

  private IBaseResource parse(PackFileRef file) {
    String path = file.location();
    byte[] bytes = bytes(path, file.source());
    if (!sha1Of(path, bytes).equals(file.sha1())) {
      // what is stored must be what was validated, and its meta.source must name these bytes
      throw new ContentPackException(
          path + ": changed while the pack was being loaded; start again to load the new version");
    }
    IBaseResource resource;
    try {
      resource = parser.parseResource(new String(bytes, StandardCharsets.UTF_8));
    } catch (DataFormatException e) {
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
  private static void validate(FhirValidator profileValidator, List<PackFile> batch) {
    Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
    for (PackFile file : batch) {
      // a copy: an entry's resource must not be shared with the transaction built later
      Resource resource = ((Resource) file.resource()).copy();
      bundle
          .addEntry()
          .setFullUrl(PackTerminology.CANONICAL_BASE + "/fhir/" + file.typeAndId())
          .setResource(resource);
    }
    ValidationResult result = profileValidator.validateWithResult(bundle);
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
          batch.get(first.getKey()).file().location()
              + ": fails validation: "
              + String.join("; ", first.getValue()));
    }
  }

  private static String sha1Of(String location, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }

  /**
   * @param idsByLocation every file's type and id (read from the file, or known from the store)
   */
  static void rejectDuplicateIds(Map<String, String> idsByLocation) {
    Map<String, String> seen = new HashMap<>();
    idsByLocation.forEach(
        (path, typeAndId) -> {
          String previous = seen.putIfAbsent(typeAndId, path);
          if (previous != null) {
            throw new ContentPackException(
                path + ": " + typeAndId + " is also defined in " + previous);
          }
        });
  }
}
