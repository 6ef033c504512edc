package org.patientedu.contentpack.synthetic;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.patientedu.contentpack.importer.PackEntryWriter;

/**
 * Command line for load tests:
 *
 * <pre>
 * synthetic-pack --count 10000 --out DIR [--seed 1] [--as-of 2026-11-30]
 * </pre>
 *
 * Writes one folder per page ({@code DIR/synthetic-00001/Library.json}, ...) and a README.txt that
 * says what the folder is. The same seed and date give byte-identical files. Returns 0 on success,
 * 2 on bad arguments, 1 when writing fails.
 */
public final class SyntheticPackCommand {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final long DEFAULT_SEED = 1;

  private static final Set<String> OPTIONS = Set.of("--count", "--out", "--seed", "--as-of");
  private static final String USAGE_TEXT =
      """
      Usage:
        synthetic-pack --count <1-%d> --out <empty or new folder> [--seed %d] [--as-of YYYY-MM-DD]
      Writes made-up pages, every one marked as synthetic test content, for load tests. Review
      dates are placed so the pages are current, due soon, overdue, publisher-reviewed or never
      reviewed on the --as-of date (default: today) under the default 24-month review cycle.
      Load them with EDU_CONTENT_PACK_DIR=<folder>."""
          .formatted(SyntheticPages.MAX_COUNT, DEFAULT_SEED);

  private SyntheticPackCommand() {}

  public static int run(String[] args) {
    return run(args, System.out, System.err);
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options;
    int count;
    long seed;
    LocalDate asOf;
    Path dir;
    try {
      options = options(args);
      count = parseCount(options.get("--count"));
      seed = parseSeed(options.getOrDefault("--seed", Long.toString(DEFAULT_SEED)));
      asOf = parseDate(options.get("--as-of"));
      dir = outputFolder(options.get("--out"));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage() + "\n" + USAGE_TEXT);
      return USAGE;
    }
    try {
      long start = System.nanoTime();
      write(dir, count, seed, asOf);
      out.printf(
          "Wrote %d synthetic pages (seed %d, review states as of %s) to %s in %d ms%n",
          count, seed, asOf, dir.toAbsolutePath(), (System.nanoTime() - start) / 1_000_000);
      return OK;
    } catch (IOException | UncheckedIOException e) {
      err.println("Writing the synthetic pack failed: " + e.getMessage());
      return FAILED;
    }
  }

  /** The pages in parallel: each depends only on the seed, its number and the date. */
  static void write(Path dir, int count, long seed, LocalDate asOf) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("README.txt"),
        """
        Synthetic test content: %d made-up pages for load tests, not patient education.
        Made by: java -jar patient-education.jar synthetic-pack --count %d --seed %d --as-of %s
        Every Library is experimental, every title starts "%s", the publisher is "%s".
        """
            .formatted(
                count,
                count,
                seed,
                asOf,
                SyntheticPages.TITLE_PREFIX.strip(),
                SyntheticPages.PUBLISHER),
        StandardCharsets.UTF_8);
    SyntheticPages pages = new SyntheticPages(seed, asOf);
    IntStream.rangeClosed(1, count)
        .parallel()
        .forEach(
            n -> {
              SyntheticPages.SyntheticPage page = pages.page(n);
              try {
                PackEntryWriter.writeResources(
                    dir.resolve(page.settings().id()), page.settings().id(), page.entry());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String name = args[i];
      String value;
      int eq = name.indexOf('=');
      if (eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new IllegalArgumentException("Option " + name + " needs a value.");
      }
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("Unknown option '" + name + "'.");
      }
      if (options.put(name, value) != null) {
        throw new IllegalArgumentException("Option " + name + " given twice.");
      }
    }
    return options;
  }

  private static int parseCount(String value) {
    if (value == null) {
      throw new IllegalArgumentException("synthetic-pack needs --count.");
    }
    try {
      int count = Integer.parseInt(value.strip());
      if (count >= 1 && count <= SyntheticPages.MAX_COUNT) {
        return count;
      }
    } catch (NumberFormatException notANumber) {
      // same message as out of range
    }
    throw new IllegalArgumentException(
        "--count must be a whole number from 1 to " + SyntheticPages.MAX_COUNT + ": " + value);
  }

  private static long parseSeed(String value) {
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--seed must be a whole number: " + value);
    }
  }

  private static LocalDate parseDate(String value) {
    if (value == null) {
      return LocalDate.now();
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--as-of must be a date such as 2026-11-30: " + value);
    }
  }

  /** A new or empty folder: the command never mixes its pages with anything else. */
  private static Path outputFolder(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("synthetic-pack needs --out.");
    }
    Path dir = Path.of(value);
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new IllegalArgumentException("--out is a file, not a folder: " + dir);
      }
      try (Stream<Path> children = Files.list(dir)) {
        if (children.findAny().isPresent()) {
          throw new IllegalArgumentException(
              "--out must be a new or empty folder; " + dir.toAbsolutePath() + " is not empty.");
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("Cannot read --out " + dir + ": " + e.getMessage());
      }
    }
    return dir;
  }
}
