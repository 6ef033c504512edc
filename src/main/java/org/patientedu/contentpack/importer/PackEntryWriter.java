package org.patientedu.contentpack.importer;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Binary;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.building.FhirJson;
import org.patientedu.contentpack.building.PackEntry;
import org.patientedu.contentpack.building.PackEntryBuilder;
import org.patientedu.contentpack.page.Block;
import org.patientedu.contentpack.page.ImportSettings;
import org.patientedu.contentpack.page.PageFormat;
import org.patientedu.contentpack.page.ParsedPage;
import org.patientedu.contentpack.reading.PageParser;

/**
 * Writes one pack folder: the source copy, import.properties, the four resources and the import
 * report. A folder is always rebuilt from its own source + import.properties, so importing and
 * re-importing give byte-identical files.
 */
public final class PackEntryWriter {

  public static final String LIBRARY_FILE = "Library.json";
  public static final String DOCUMENT_REFERENCE_FILE = "DocumentReference.json";
  public static final String HTML_BINARY_FILE = "Binary-html.json";
  public static final String TEXT_BINARY_FILE = "Binary-text.json";
  public static final String REPORT_FILE = "import-report.txt";

  /** What an import produced. */
  public record Result(Path folder, ParsedPage page, String report) {}

  /**
   * Copies the page into {@code packDir/<id>/} and builds the folder from it. Settings' sourceFile
   * and translations are ignored: the copies are named after the detected format.
   */
  public Result importPage(Path page, ImportSettings settings, Path packDir) throws IOException {
    return importPage(page, Map.of(), settings, packDir);
  }

  /**
   * The same, with the page's translations: language tag (es) to the translated page's file, each
   * copied in as source-es.txt (or .html) and rendered as its own renditions.
   */
  public Result importPage(
      Path page, Map<String, Path> translations, ImportSettings settings, Path packDir)
      throws IOException {
    Path folder = packDir.resolve(settings.id());
    Files.createDirectories(folder);
    String sourceFile = copyIn(page, folder, null);
    Map<String, String> translationFiles = new TreeMap<>();
    for (Map.Entry<String, Path> translation : translations.entrySet()) {
      translationFiles.put(
          translation.getKey(), copyIn(translation.getValue(), folder, translation.getKey()));
    }
    ImportSettings withSources =
        new ImportSettings(
            settings.id(),
            settings.contexts(),
            settings.language(),
            settings.version(),
            settings.topic(),
            sourceFile,
            translationFiles);
    write(folder.resolve(ImportSettings.FILE_NAME), withSources.toProperties());
    return rebuild(folder);
  }

  /**
   * Copies a page (or its translation into {@code language}) into the folder under the name of its
   * detected format, removing a copy in the other format left by an earlier import.
   */
  private static String copyIn(Path page, Path folder, String language) throws IOException {
    byte[] bytes = Files.readAllBytes(page);
    PageFormat format = PageFormat.detect(page.getFileName().toString(), decode(bytes, page));
    for (PageFormat other : PageFormat.values()) {
      if (other != format) {
        Files.deleteIfExists(folder.resolve(fileName(other, language)));
      }
    }
    Path copy = folder.resolve(fileName(format, language));
    if (!Files.exists(copy) || !Files.isSameFile(page, copy)) {
      Files.write(copy, bytes);
    }
    return copy.getFileName().toString();
  }

  private static String fileName(PageFormat format, String language) {
    return language == null ? format.sourceFileName() : format.translationFileName(language);
  }

  /** Rebuilds every file of a folder from its source copy and import.properties. */
  public Result rebuild(Path folder) throws IOException {
    ImportSettings settings = ImportSettings.load(folder.resolve(ImportSettings.FILE_NAME));
    Path source = folder.resolve(settings.sourceFile());
    String content = decode(Files.readAllBytes(source), source);
    ParsedPage page = new PageParser().parse(content, settings.sourceFile());
    Map<String, ParsedPage> translations = new TreeMap<>();
    for (Map.Entry<String, String> translation : settings.translations().entrySet()) {
      Path file = folder.resolve(translation.getValue());
      translations.put(
          translation.getKey(),
          new PageParser().parse(decode(Files.readAllBytes(file), file), translation.getValue()));
    }
    PackEntry entry = PackEntryBuilder.build(page, settings, translations);

    write(folder.resolve(ImportSettings.FILE_NAME), settings.toProperties());
    writeResources(folder, settings.id(), entry);
    String report = reportText(settings, page);
    write(folder.resolve(REPORT_FILE), report);
    return new Result(folder, page, report);
  }

  /**
   * Writes the resources of a pack entry into its folder: the files the pack load reads. The
   * importer and the synthetic pack both write through here, so a pack folder has one layout.
   */
  public static void writeResources(Path folder, String id, PackEntry entry) throws IOException {
    Files.createDirectories(folder);
    write(folder.resolve(LIBRARY_FILE), FhirJson.encode(entry.library()));
    write(folder.resolve(DOCUMENT_REFERENCE_FILE), FhirJson.encode(entry.documentReference()));
    write(folder.resolve(HTML_BINARY_FILE), FhirJson.encode(entry.htmlBinary()));
    write(folder.resolve(TEXT_BINARY_FILE), FhirJson.encode(entry.textBinary()));
    for (Binary binary : entry.translationBinaries()) {
      // Binary-html-es.json next to Binary-html.json
      String suffix = binary.getIdElement().getIdPart().substring(id.length() + 1);
      write(folder.resolve("Binary-" + suffix + ".json"), FhirJson.encode(binary));
    }
  }

  /** Rebuilds every folder of the pack that has an import.properties, in name order. */
  public List<Result> rebuildAll(Path packDir) throws IOException {
    List<Result> results = new ArrayList<>();
    for (Path folder : importedFolders(packDir)) {
      results.add(rebuild(folder));
    }
    return results;
  }

  /** Folders made by the importer (others, e.g. hand-written examples, are left alone). */
  public static List<Path> importedFolders(Path packDir) throws IOException {
    try (Stream<Path> children = Files.list(packDir)) {
      return children
          .filter(p -> Files.isRegularFile(p.resolve(ImportSettings.FILE_NAME)))
          .sorted()
          .toList();
    }
  }

  private static String reportText(ImportSettings settings, ParsedPage page) {
    StringBuilder out = new StringBuilder();
    out.append("Import report for ")
        .append(settings.id())
        .append(" (source: ")
        .append(settings.sourceFile())
        .append(", read as ")
        .append(page.format().name().toLowerCase(java.util.Locale.ROOT))
        .append(")\n");
    out.append("Contexts: ")
        .append(
            String.join(
                ", ", settings.contexts().stream().map(ContextTag::labelWithRelevance).toList()))
        .append('\n');
    for (ContextTag tag : settings.contexts()) {
      out.append("  ")
          .append(tag.context().key())
          .append(": ")
          .append(tag.codeList())
          .append(
              tag.reason() == null
                  ? " -- no reason given: choose the codes, relevance and reason in "
                      + ImportSettings.FILE_NAME
                      + ", then run reimport"
                  : " -- " + tag.reason())
          .append('\n');
    }
    long headings = page.article().stream().filter(b -> b.kind() == Block.Kind.HEADING).count();
    long paragraphs = page.article().stream().filter(b -> b.kind() == Block.Kind.PARAGRAPH).count();
    long lists = page.article().stream().filter(Block::isList).count();
    out.append("Article: ")
        .append(headings)
        .append(" heading(s), ")
        .append(paragraphs)
        .append(" paragraph(s), ")
        .append(lists)
        .append(" list(s)\n\n");
    out.append(page.report().render());
    return out.toString();
  }

  private static void write(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** Pages must be UTF-8; a clear error beats silently mangled characters in a handout. */
  private static String decode(byte[] bytes, Path file) throws IOException {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new IOException(file + " is not UTF-8 text; convert it first", e);
    }
  }
}
