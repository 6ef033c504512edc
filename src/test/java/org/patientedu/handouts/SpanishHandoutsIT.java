package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.contentpack.importer.ImportCommand;
import org.patientedu.testing.RunningServerTest;

/**
 * Spanish handout chrome (issue 9): everything the product writes is in Spanish when the reader
 * asks for it (?lang=es or Accept-Language), the article stays in the language it was written in
 * and says so, and a page with a Spanish rendition shows it. The Spanish expected here is written
 * by hand.
 */
class SpanishHandoutsIT extends RunningServerTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void theCatalogSpeaksSpanishWhenAskedAndKeepsEnglishTitlesMarkedEnglish() {
    Document catalog = page("/?lang=es", null);
    assertThat(catalog.select("html").attr("lang")).isEqualTo("es");
    assertThat(catalog.select("h1").text()).isEqualTo("Folletos de educación para pacientes");
    var healthwise = catalog.getElementById("handout-oxytocin-healthwise");
    assertThat(healthwise.text()).contains("Vigente al 13 de abril de 2022");
    assertThat(healthwise.select(".badge").text()).isEqualTo("Revisión vencida");
    assertThat(healthwise.select(".card__title").attr("lang")).isEqualTo("en-US");
    assertThat(healthwise.select(".card__summary").attr("lang")).isEqualTo("en-US");
    assertThat(
            catalog.getElementById("handout-oxytocin-noigroup").select(".card__flag--draft").text())
        .isEqualTo("Borrador: no aprobado para uso con pacientes");
    assertThat(catalog.select("select#review option").eachText())
        .contains("Sin revisión médica", "Revisión vencida");
  }

  @Test
  void aHandoutWithoutASpanishRenditionSaysSoInSpanishAndKeepsItsArticleEnglish() {
    Document page = page("/handouts/oxytocin-healthwise", "es-MX,es;q=0.9");
    assertThat(page.select("html").attr("lang")).isEqualTo("en-US");
    assertThat(page.select(".handout__body").attr("lang")).isEqualTo("en-US");
    assertThat(page.select("#no-translation").text())
        .isEqualTo(
            "Este folleto no está disponible en español. Se muestra en inglés, el idioma en que se"
                + " publicó.");
    assertThat(page.select("#no-translation").attr("lang")).isEqualTo("es");
    assertThat(page.select(".handout__body").text()).contains("let-down reflex");
    assertThat(page.select("#credits").attr("lang")).isEqualTo("es");
    assertThat(page.select("#credits-title").text()).isEqualTo("Créditos");
    assertThat(page.select("#credits-current dt").text()).isEqualTo("Vigente al");
    assertThat(page.select("#credits-current dd").text()).isEqualTo("13 de abril de 2022");
    // the source's own English disclaimer, marked English inside the Spanish credits
    assertThat(page.select("#disclaimer").attr("lang")).isEqualTo("en-US");
    assertThat(page.select("#disclaimer").text()).startsWith("This information does not replace");
    assertThat(page.select("#banner-overdue-title").text()).isEqualTo("Revisión médica vencida");
    assertThat(page.select("#handout-meta").attr("lang")).isEqualTo("es");
  }

  @Test
  void draftsAndPublisherReviewsAreSaidPlainlyInSpanish() {
    Document goAskAlice = page("/handouts/oxytocin-goaskalice?lang=es", null);
    assertThat(goAskAlice.select("#banner-draft-title").text())
        .isEqualTo("Borrador: no aprobado para uso con pacientes");
    assertThat(goAskAlice.select("#banner-publisher-reviewed").text())
        .contains(
            "La editorial lo revisó por última vez el 13 de febrero de 2015; no se indica ningún"
                + " revisor médico.");
    assertThat(goAskAlice.select("#credits-published dd").text())
        .isEqualTo("11 de febrero de 2011");
    Document perexp = page("/handouts/oxytocin-perexp?lang=es", null);
    assertThat(perexp.select("#banner-ai-title").text())
        .isEqualTo("Escrito por una herramienta de inteligencia artificial");
  }

  @Test
  void theSpanishPdfHasSpanishChromeAndDates() throws IOException {
    String text = pdfText("/handouts/oxytocin-noigroup.pdf?lang=es").replaceAll("\\s+", " ");
    assertThat(text)
        .containsIgnoringCase("Borrador: no aprobado para uso con pacientes")
        .contains("Página 1 de")
        .contains("Impreso el 22 de noviembre de 2026")
        .contains("Créditos")
        .contains("23 de julio de 2014")
        .contains("Every hormone has a story"); // the article, in English as written
  }

  @Test
  void aLanguageThePagesAreNotWrittenInFallsBackToEnglish() {
    Document page = page("/handouts/oxytocin-healthwise?lang=fr", "fr-FR");
    assertThat(page.select("#credits").attr("lang")).isEqualTo("en");
    assertThat(page.select("#credits-current dd").text()).isEqualTo("April 13, 2022");
    assertThat(page.select("#no-translation")).isEmpty();
  }

  @Test
  void aPageImportedWithASpanishRenditionShowsItToSpanishReaders(@TempDir Path temp)
      throws IOException {
    Path english =
        Files.writeString(
            temp.resolve("letdown.txt"),
            """
            Let-down reflex

            The let-down reflex moves milk from the breast to the nipple. It often starts a minute or two after the baby begins to feed.

            You may feel tingling or fullness. Some women feel nothing at all.
            """);
    Path spanish =
        Files.writeString(
            temp.resolve("letdown-es.txt"),
            """
            El reflejo de eyección de la leche

            El reflejo de eyección lleva la leche del pecho al pezón. Suele empezar uno o dos minutos después de que el bebé comienza a mamar.

            Es posible que sienta un hormigueo o que el pecho se llene. Algunas mujeres no sienten nada.
            """);
    Path pack = temp.resolve("pack");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        ImportCommand.run(
            new String[] {
              "import",
              english.toString(),
              "--id",
              "spanish-letdown",
              "--context",
              "lactation",
              "--translation",
              "es=" + spanish,
              "--pack",
              pack.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isZero();
    Path folder = pack.resolve("spanish-letdown");
    assertThat(folder.resolve("source-es.txt")).exists();
    IGenericClient editor = editorClient();
    for (String file :
        List.of(
            "Binary-html.json",
            "Binary-text.json",
            "Binary-html-es.json",
            "Binary-text-es.json",
            "Library.json",
            "DocumentReference.json")) {
      IBaseResource resource =
          fhirContext().newJsonParser().parseResource(Files.readString(folder.resolve(file)));
      editor.update().resource(resource).execute();
    }

    Document inSpanish = page("/handouts/spanish-letdown?lang=es", null);
    assertThat(inSpanish.select("h1").text()).isEqualTo("El reflejo de eyección de la leche");
    assertThat(inSpanish.select("html").attr("lang")).isEqualTo("es");
    assertThat(inSpanish.select(".handout__body").text())
        .contains("El reflejo de eyección lleva la leche del pecho al pezón.")
        .doesNotContain("let-down");
    assertThat(inSpanish.select("#no-translation")).isEmpty();

    Document byBrowser = page("/handouts/spanish-letdown", "es");
    assertThat(byBrowser.select("h1").text()).isEqualTo("El reflejo de eyección de la leche");

    Document inEnglish = page("/handouts/spanish-letdown?lang=en", null);
    assertThat(inEnglish.select("h1").text()).isEqualTo("Let-down reflex");
    assertThat(inEnglish.select("html").attr("lang")).isEqualTo("en-US");
    assertThat(inEnglish.select(".handout__body").text()).contains("moves milk from the breast");
  }

  private Document page(String pathAndQuery, String acceptLanguage) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery));
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> response = send(request);
    assertThat(response.statusCode()).as(pathAndQuery).isEqualTo(200);
    return Jsoup.parse(response.body(), baseUrl());
  }

  private String pdfText(String path) throws IOException {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      try (PDDocument pdf = Loader.loadPDF(response.body())) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        return stripper.getText(pdf);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
