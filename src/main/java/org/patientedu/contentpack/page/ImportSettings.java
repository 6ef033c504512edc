package org.patientedu.contentpack.page;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;

/**
 * The editorial choices for one pack entry, kept in its import.properties so that a re-import
 * rebuilds exactly the same files.
 *
 * @param id resource id of the Library and DocumentReference (Binaries get -html / -text)
 * @param contexts clinical contexts the page is offered in, each with its relevance, codes and
 *     reason (an editorial choice per page, see {@link ContextTag})
 * @param language BCP-47 language of the page, e.g. en-US
 * @param version business version of the Library
 * @param topic text-only topic ("Oxytocin"), or null
 * @param sourceFile name of the source copy in the folder (source.txt / source.html)
 * @param translations the same page in other languages: language tag (es, es-MX) to the name of its
 *     source copy in the folder (source-es.txt / source-es.html), in tag order
 * @param synthetic made-up test content (the synthetic-pack command), never education: the Library
 *     is marked experimental
 */
public record ImportSettings(
    String id,
    List<ContextTag> contexts,
    String language,
    String version,
    String topic,
    String sourceFile,
    Map<String, String> translations,
    boolean synthetic) {

  public static final String FILE_NAME = "import.properties";
  private static final String TRANSLATION_PREFIX = "translation.";
  public static final String DEFAULT_LANGUAGE = "en-US";
  public static final String DEFAULT_VERSION = "1.0.0";

  /** FHIR ids allow 64 characters; "-html" is appended for the Binary. */
  private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,57}[a-z0-9])?");

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*");
  private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,40}");

  /** FHIR ids: at most 64 characters, so id + "-html-" + language must fit. */
  private static final int MAX_FHIR_ID = 64;

  /** A page with no translation. */
  public ImportSettings(
      String id,
      List<ContextTag> contexts,
      String language,
      String version,
      String topic,
      String sourceFile) {
    this(id, contexts, language, version, topic, sourceFile, Map.of());
  }

  /** A real page (not synthetic test content). */
  public ImportSettings(
      String id,
      List<ContextTag> contexts,
      String language,
      String version,
      String topic,
      String sourceFile,
      Map<String, String> translations) {
    this(id, contexts, language, version, topic, sourceFile, translations, false);
  }

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
    if (clinicalContexts(contexts).stream().distinct().count() != contexts.size()) {
      throw new IllegalArgumentException("A clinical context is tagged twice");
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
    translations = Collections.unmodifiableMap(new TreeMap<>(translations));
    for (Map.Entry<String, String> translation : translations.entrySet()) {
      String tag = translation.getKey();
      if (!LANGUAGE.matcher(tag).matches()
          || Locale.forLanguageTag(tag)
              .getLanguage()
              .equals(Locale.forLanguageTag(language).getLanguage())) {
        throw new IllegalArgumentException(
            "Invalid translation language '" + tag + "': a tag such as es, not the page's own");
      }
      if (!translation.getValue().equals(PageFormat.TEXT.translationFileName(tag))
          && !translation.getValue().equals(PageFormat.HTML.translationFileName(tag))) {
        throw new IllegalArgumentException(
            "The "
                + tag
                + " translation must be in "
                + PageFormat.TEXT.translationFileName(tag)
                + " or "
                + PageFormat.HTML.translationFileName(tag));
      }
      if (htmlBinaryId(id, tag).length() > MAX_FHIR_ID) {
        throw new IllegalArgumentException("Id '" + id + "' is too long for a translation");
      }
    }
  }

  /** The contexts without their tagging, in the order written. */
  public List<ClinicalContext> clinicalContexts() {
    return clinicalContexts(contexts);
  }

  private static List<ClinicalContext> clinicalContexts(List<ContextTag> tags) {
    return tags.stream().map(ContextTag::context).toList();
  }

  public String htmlBinaryId() {
    return id + "-html";
  }

  public String textBinaryId() {
    return id + "-text";
  }

  /** The HTML rendition of a translation: oxytocin-example-html-es. */
  public String htmlBinaryId(String translationLanguage) {
    return htmlBinaryId(id, translationLanguage);
  }

  public String textBinaryId(String translationLanguage) {
    return textBinaryId() + "-" + translationLanguage.toLowerCase(Locale.ROOT);
  }

  private static String htmlBinaryId(String id, String translationLanguage) {
    return id + "-html-" + translationLanguage.toLowerCase(Locale.ROOT);
  }

  public static ImportSettings load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    return new ImportSettings(
        p.getProperty("id"),
        contextTags(p),
        p.getProperty("language", DEFAULT_LANGUAGE),
        p.getProperty("version", DEFAULT_VERSION),
        p.getProperty("topic"),
        p.getProperty("source", PageFormat.TEXT.sourceFileName()),
        translations(p),
        Boolean.parseBoolean(p.getProperty("synthetic", "false")));
  }

  /** {@code translation.<language>=<file>} lines. */
  private static Map<String, String> translations(Properties p) {
    Map<String, String> translations = new TreeMap<>();
    for (String name : p.stringPropertyNames()) {
      if (name.startsWith(TRANSLATION_PREFIX)) {
        translations.put(name.substring(TRANSLATION_PREFIX.length()), p.getProperty(name).strip());
      }
    }
    return translations;
  }

  /**
   * The contexts line ("lactation,labor-delivery", in the editor's order) and per context its
   * relevance, codes and reason ({@code context.<key>.relevance|codes|reason}). Relevance and codes
   * are required: they are editorial choices, never defaulted on reading.
   */
  private static List<ContextTag> contextTags(Properties p) {
    List<ClinicalContext> keys = ClinicalContext.parseList(p.getProperty("contexts"));
    for (String name : p.stringPropertyNames()) {
      int lastDot = name.lastIndexOf('.');
      if (name.startsWith("context.")) {
        String key = lastDot > "context".length() ? name.substring(8, lastDot) : "";
        String field = name.substring(lastDot + 1);
        boolean known =
            keys.stream().anyMatch(c -> c.key().equals(key))
                && List.of("relevance", "codes", "reason").contains(field);
        if (!known) {
          throw new IllegalArgumentException(
              name
                  + " does not belong to a context of this page ("
                  + ClinicalContext.toKeyList(keys)
                  + ") or is not relevance, codes or reason");
        }
      }
    }
    List<ContextTag> tags = new ArrayList<>();
    for (ClinicalContext context : keys) {
      String prefix = "context." + context.key() + ".";
      String relevance = p.getProperty(prefix + "relevance");
      String codes = p.getProperty(prefix + "codes");
      if (relevance == null || codes == null) {
        throw new IllegalArgumentException(
            "Context "
                + context.key()
                + " needs "
                + prefix
                + "relevance (primary or secondary) and "
                + prefix
                + "codes (some of: "
                + context.codeList()
                + ")");
      }
      List<ClinicalContext.Code> chosen = new ArrayList<>();
      for (String written : codes.split(",")) {
        if (!written.isBlank()) {
          chosen.add(context.code(written));
        }
      }
      tags.add(
          new ContextTag(
              context,
              ContextTag.Relevance.fromCode(relevance),
              chosen,
              p.getProperty(prefix + "reason")));
    }
    return tags;
  }

  /**
   * The file content, keys in a fixed order and no timestamp (java.util.Properties#store adds one).
   */
  public String toProperties() {
    StringBuilder out = new StringBuilder();
    out.append(
        "# Editorial choices for this pack entry. After editing, run the reimport command.\n");
    out.append("id=").append(id).append('\n');
    out.append("contexts=").append(ClinicalContext.toKeyList(clinicalContexts())).append('\n');
    out.append(
        "# Per context: relevance (primary: the page is about it; secondary: it touches it), the\n"
            + "# codes a clinician would accept for this page (general ones unless the page is about\n"
            + "# a specific condition), and one line saying why the page fits.\n");
    for (ContextTag tag : contexts) {
      String prefix = "context." + tag.context().key() + ".";
      out.append(prefix).append("relevance=").append(tag.relevance().code()).append('\n');
      out.append(prefix).append("codes=").append(tag.codeList()).append('\n');
      if (tag.reason() != null) {
        out.append(prefix).append("reason=").append(escape(tag.reason())).append('\n');
      }
    }
    out.append("language=").append(language).append('\n');
    out.append("version=").append(version).append('\n');
    if (topic != null) {
      out.append("topic=").append(topic).append('\n');
    }
    out.append("source=").append(sourceFile).append('\n');
    translations.forEach(
        (tag, file) ->
            out.append(TRANSLATION_PREFIX).append(tag).append('=').append(file).append('\n'));
    if (synthetic) {
      out.append("synthetic=true\n");
    }
    return out.toString();
  }

  /** A value as java.util.Properties reads it back: backslashes doubled, non-Latin-1 kept. */
  private static String escape(String value) {
    return value.replace("\\", "\\\\");
  }
}
