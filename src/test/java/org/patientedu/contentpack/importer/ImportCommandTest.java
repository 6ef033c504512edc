package org.patientedu.contentpack.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {

  @TempDir Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ImportCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rejectsBadArgumentsWithAClearMessage() throws IOException {
    Path page = Files.writeString(temp.resolve("page.txt"), "Title\n\nSome text here.\n");
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("No command given", "Usage");
    assertThat(run("export")).isEqualTo(2);
    assertThat(err()).contains("Unknown command 'export'");
    assertThat(run("import", page.toString(), "--context", "lactation")).isEqualTo(2);
    assertThat(err()).contains("import needs --id");
    assertThat(run("import", page.toString(), "--id", "x-page")).isEqualTo(2);
    assertThat(err()).contains("import needs --context");
    assertThat(run("import", page.toString(), "--id", "x-page", "--context", "cardiology"))
        .isEqualTo(2);
    assertThat(err()).contains("Unknown clinical context 'cardiology'", "labor-delivery");
    assertThat(run("import", page.toString(), "--id", "Bad Id!", "--context", "lactation"))
        .isEqualTo(2);
    assertThat(err()).contains("Invalid id");
    assertThat(
            run(
                "import",
                temp.resolve("missing.txt").toString(),
                "--id",
                "x",
                "--context",
                "lactation"))
        .isEqualTo(2);
    assertThat(err()).contains("Page file not found");
    assertThat(
            run(
                "import",
                page.toString(),
                "--id",
                "x",
                "--context",
                "lactation",
                "--colour",
                "red"))
        .isEqualTo(2);
    assertThat(err()).contains("Unknown option --colour");
    assertThat(run("import", page.toString(), "--id")).isEqualTo(2);
    assertThat(err()).contains("Option --id needs a value");
    assertThat(run("reimport", "--pack", temp.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err()).contains("Pack folder not found");
  }

  @Test
  void importsThenReimportsToTheSameBytes() throws IOException {
    Path page =
        Files.writeString(
            temp.resolve("page.html"),
            "<html><body><h1>Let-down</h1><p>Milk moves to the nipple.</p></body></html>");
    Path pack = temp.resolve("pack");
    assertThat(
            run(
                "import",
                page.toString(),
                "--id",
                "letdown",
                "--context",
                "lactation,labor-delivery",
                "--pack",
                pack.toString()))
        .isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Fields not found", "published date", "lactation: snomed:413712001")
        .contains("no reason given: choose the codes, relevance and reason in import.properties");
    assertThat(Files.readString(pack.resolve("letdown").resolve("import.properties")))
        .doesNotContain("reason=");
    Path folder = pack.resolve("letdown");
    assertThat(folder.resolve("source.html")).exists();
    assertThat(Files.readString(folder.resolve("import.properties")))
        .contains(
            "id=letdown",
            "contexts=lactation,labor-delivery",
            // only the contexts named: their general codes, secondary, no reason yet
            "context.lactation.relevance=secondary",
            "context.lactation.codes=snomed:413712001,icd-10-cm:Z39.1",
            "context.labor-delivery.codes=snomed:236973005,snomed:177184002,icd-10-cm:O80",
            "language=en-US",
            "version=1.0.0",
            "source=source.html");
    String library = Files.readString(folder.resolve("Library.json"));

    assertThat(run("reimport", "--pack", pack.toString())).isEqualTo(0);
    assertThat(Files.readString(folder.resolve("Library.json"))).isEqualTo(library);
    for (String file :
        new String[] {
          "DocumentReference.json", "Binary-html.json", "Binary-text.json", "import-report.txt"
        }) {
      assertThat(folder.resolve(file)).exists();
    }
  }
}
