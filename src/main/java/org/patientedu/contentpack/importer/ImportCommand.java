package org.patientedu.contentpack.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.page.CreditField;
import org.patientedu.contentpack.page.ImportSettings;
import org.patientedu.contentpack.page.PageFormat;

/**
 * Command line for content editors:
 *
 * <pre>
 * import &lt;page.txt|page.html&gt; --id &lt;id&gt; --context lactation,labor-delivery
 *        [--language en-US] [--version 1.0.0] [--topic Oxytocin]
 *        [--translation es=page-es.txt] [--pack fhir-resources]
 * reimport [--pack fhir-resources]
 * </pre>
 *
 * Returns 0 on success, 2 on bad arguments, 1 when reading or writing fails.
 */
public final class ImportCommand {

  public static final String DEFAULT_PACK = "fhir-resources";
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final Set<String> IMPORT_OPTIONS =
      Set.of("--id", "--context", "--language", "--version", "--topic", "--pack", "--translation");
  private static final String USAGE_TEXT =
      """
            Usage:
              import <page.txt|page.html> --id <id> --context <key,key...> [--language en-US] [--version 1.0.0]
                     [--topic <text>] [--translation es=<page-es.txt>,...] [--pack fhir-resources]
              reimport [--pack fhir-resources]
            Clinical context keys: %s"""
          .formatted(ClinicalContext.keys());

  private ImportCommand() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args == null || args.length == 0) {
      err.println("No command given.\n" + USAGE_TEXT);
      return USAGE;
    }
    try {
      return switch (args[0]) {
        case "import" -> importPage(args, out);
        case "reimport" -> reimport(args, out);
        default -> throw new IllegalArgumentException("Unknown command '" + args[0] + "'.");
      };
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE_TEXT);
      return USAGE;
    } catch (IOException | RuntimeException e) {
      err.println("Import failed: " + e.getMessage());
      return FAILED;
    }
  }

  private static int importPage(String[] args, PrintStream out) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    String page = parse(args, IMPORT_OPTIONS, options);
    if (page == null) {
      throw new IllegalArgumentException("import needs the page file to read.");
    }
    Path pageFile = Path.of(page);
    if (!Files.isRegularFile(pageFile)) {
      throw new IllegalArgumentException("Page file not found: " + pageFile.toAbsolutePath());
    }
    require(options, "--id");
    require(options, "--context");
    ImportSettings settings =
        new ImportSettings(
            options.get("--id"),
            // the editor chooses relevance, codes and reason in import.properties afterwards
            ClinicalContext.parseList(options.get("--context")).stream()
                .map(ContextTag::untriaged)
                .toList(),
            options.getOrDefault("--language", ImportSettings.DEFAULT_LANGUAGE),
            options.getOrDefault("--version", ImportSettings.DEFAULT_VERSION),
            options.get("--topic"),
            PageFormat.TEXT.sourceFileName());
    Path pack = Path.of(options.getOrDefault("--pack", DEFAULT_PACK));
    PackEntryWriter.Result result =
        new PackEntryWriter()
            .importPage(pageFile, translations(options.get("--translation")), settings, pack);
    out.println("Wrote " + result.folder());
    out.print(result.report());
    return OK;
  }

  private static int reimport(String[] args, PrintStream out) throws IOException {
    Map<String, String> options = new LinkedHashMap<>();
    if (parse(args, Set.of("--pack"), options) != null) {
      throw new IllegalArgumentException(
          "reimport takes no file; it rebuilds every folder of the pack.");
    }
    Path pack = Path.of(options.getOrDefault("--pack", DEFAULT_PACK));
    if (!Files.isDirectory(pack)) {
      throw new IllegalArgumentException("Pack folder not found: " + pack.toAbsolutePath());
    }
    List<PackEntryWriter.Result> results = new PackEntryWriter().rebuildAll(pack);
    if (results.isEmpty()) {
      throw new IllegalArgumentException(
          "No folder with " + ImportSettings.FILE_NAME + " under " + pack);
    }
    for (PackEntryWriter.Result result : results) {
      List<CreditField> missing = result.page().report().missing();
      out.println(
          "Rebuilt "
              + result.folder()
              + (missing.isEmpty()
                  ? ""
                  : "  (not in source: "
                      + String.join(", ", missing.stream().map(CreditField::label).toList())
                      + ")"));
    }
    return OK;
  }

  /** Reads "--name value" pairs into options; returns the single positional argument, if any. */
  private static String parse(String[] args, Set<String> allowed, Map<String, String> options) {
    String positional = null;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--")) {
        String name = arg;
        String value;
        int eq = arg.indexOf('=');
        if (eq > 0) {
          name = arg.substring(0, eq);
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          value = args[++i];
        } else {
          throw new IllegalArgumentException("Option " + arg + " needs a value.");
        }
        if (!allowed.contains(name)) {
          throw new IllegalArgumentException("Unknown option " + name + ".");
        }
        if (options.put(name, value) != null) {
          throw new IllegalArgumentException("Option " + name + " given twice.");
        }
      } else if (positional == null) {
        positional = arg;
      } else {
        throw new IllegalArgumentException("Unexpected argument '" + arg + "'.");
      }
    }
    return positional;
  }

  /** "es=page-es.txt,fr=page-fr.txt": the translated pages, each file checked to exist. */
  private static Map<String, Path> translations(String option) {
    Map<String, Path> translations = new LinkedHashMap<>();
    if (option != null) {
      for (String part : option.split(",")) {
        int eq = part.indexOf('=');
        if (eq <= 0 || eq == part.length() - 1) {
          throw new IllegalArgumentException(
              "--translation takes language=file, e.g. es=page-es.txt; got '" + part + "'.");
        }
        Path file = Path.of(part.substring(eq + 1).strip());
        if (!Files.isRegularFile(file)) {
          throw new IllegalArgumentException(
              "Translation file not found: " + file.toAbsolutePath());
        }
        translations.put(part.substring(0, eq).strip(), file);
      }
    }
    return translations;
  }

  private static void require(Map<String, String> options, String name) {
    if (options.get(name) == null || options.get(name).isBlank()) {
      throw new IllegalArgumentException("import needs " + name + ".");
    }
  }
}
