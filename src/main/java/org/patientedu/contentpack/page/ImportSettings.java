package org.patientedu.contentpack.page;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.patientedu.contentpack.ClinicalContext;

/**
 * The editorial choices for one pack entry, kept in its import.properties so that a re-import
 * rebuilds exactly the same files.
 *
 * @param id resource id of the Library and DocumentReference (Binaries get -html / -text)
 * @param contexts clinical contexts the page is offered in
 * @param language BCP-47 language of the page, e.g. en-US
 * @param version business version of the Library
 * @param topic text-only topic ("Oxytocin"), or null
 * @param sourceFile name of the source copy in the folder (source.txt / source.html)
 */
public record ImportSettings(
    String id,
    List<ClinicalContext> contexts,
    String language,
    String version,
    String topic,
    String sourceFile) {

  public static final String FILE_NAME = "import.properties";
  public static final String DEFAULT_LANGUAGE = "en-US";
  public static final String DEFAULT_VERSION = "1.0.0";

  /** FHIR ids allow 64 characters; "-html" is appended for the Binary. */
  private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,57}[a-z0-9])?");

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,40}");

  public ImportSettings {
    contexts = List.copyOf(contexts);
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "Invalid id '" + id + "': use lower-case letters, digits and '-', at most 59 characters");
    }
    if (contexts.isEmpty()) {
      throw new IllegalArgumentException(
          "At least one clinical context is needed; known: " + ClinicalContext.keys());
    }
    if (language == null || !LANGUAGE.matcher(language).matches()) {
      throw new IllegalArgumentException(
          "Invalid language '" + language + "', expected e.g. en-US");
    }
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("Invalid version '" + version + "', expected e.g. 1.0.0");
    }
    topic = topic == null || topic.isBlank() ? null : topic.trim();
    if (sourceFile == null
        || !(sourceFile.equals(PageFormat.TEXT.sourceFileName())
            || sourceFile.equals(PageFormat.HTML.sourceFileName()))) {
      throw new IllegalArgumentException("Invalid source file name '" + sourceFile + "'");
    }
  }

  public String htmlBinaryId() {
    return id + "-html";
  }

  public String textBinaryId() {
    return id + "-text";
  }

  public static ImportSettings load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return new ImportSettings(
        p.getProperty("id"),
        ClinicalContext.parseList(p.getProperty("contexts")),
        p.getProperty("language", DEFAULT_LANGUAGE),
        p.getProperty("version", DEFAULT_VERSION),
        p.getProperty("topic"),
        p.getProperty("source", PageFormat.TEXT.sourceFileName()));
  }

  /**
   * The file content, keys in a fixed order and no timestamp (java.util.Properties#store adds one).
   */
  public String toProperties() {
    StringBuilder out = new StringBuilder();
    out.append(
        "# Editorial choices for this pack entry. After editing, run the reimport command.\n");
    out.append("id=").append(id).append('\n');
    out.append("contexts=").append(ClinicalContext.toKeyList(contexts)).append('\n');
    out.append("language=").append(language).append('\n');
    out.append("version=").append(version).append('\n');
    if (topic != null) {
      out.append("topic=").append(topic).append('\n');
    }
    out.append("source=").append(sourceFile).append('\n');
    return out.toString();
  }
}
