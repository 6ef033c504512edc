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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Reads every {@code *.json} resource under the pack folder, strictly parsed and validated. Any bad
 * file stops the whole read, so nothing is loaded half-way.
 */
class ContentPackReader {

  /** One resource from the pack and the file it came from, for error messages. */
  record PackFile(Path path, IBaseResource resource, String sha1) {
    String typeAndId() {
      return resource.getIdElement().getResourceType() + "/" + resource.getIdElement().getIdPart();
    }

    /** Recorded as meta.source of the version this file produced. */
    String sourceUri() {
      return "urn:patientedu:content-pack:sha1:" + sha1;
    }
  }

  private final IParser parser;
  private final FhirValidator validator;

  ContentPackReader(FhirContext fhirContext, FhirValidator validator) {
    this.parser = fhirContext.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    this.validator = validator;
  }

  List<PackFile> read(Path packDir) {
    if (!Files.isDirectory(packDir)) {
      throw new ContentPackException("Content pack folder not found: " + packDir.toAbsolutePath());
    }
    List<PackFile> files = new ArrayList<>();
    for (Path path : jsonFiles(packDir)) {
      files.add(new PackFile(path, parseAndValidate(path), sha1Of(path)));
    }
    rejectDuplicateIds(files);
    return files;
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

  private IBaseResource parseAndValidate(Path path) {
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
    ValidationResult result = validator.validateWithResult(resource);
    List<SingleValidationMessage> errors =
        result.getMessages().stream()
            .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
            .toList();
    if (!errors.isEmpty()) {
      throw new ContentPackException(
          path
              + ": fails validation: "
              + errors.stream()
                  .map(m -> m.getLocationString() + " " + m.getMessage())
                  .collect(Collectors.joining("; ")));
    }
    return resource;
  }

  private static String sha1Of(Path path) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(path)));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new ContentPackException(path + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static void rejectDuplicateIds(List<PackFile> files) {
    Map<String, Path> seen = new HashMap<>();
    for (PackFile file : files) {
      Path previous = seen.putIfAbsent(file.typeAndId(), file.path());
      if (previous != null) {
        throw new ContentPackException(
            file.path() + ": " + file.typeAndId() + " is also defined in " + previous);
      }
    }
  }
}
