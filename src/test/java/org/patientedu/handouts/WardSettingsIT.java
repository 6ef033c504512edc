package org.patientedu.handouts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.ServerProcess;

/**
 * A ward's settings (issue 9, items 4 and 10), on a server of its own started with them: {@code
 * edu.handouts.approved-only} shows approved material only, and {@code
 * edu.handouts.public-base-url} is the one address a QR code ever carries.
 */
class WardSettingsIT {

  /** Written by hand: the address the ward configured, with a trailing slash to be ignored. */
  private static final String PUBLIC_BASE = "https://education.example.org/";

  private static final String HEALTHWISE_ONLINE =
      "https://education.example.org/handouts/oxytocin-healthwise";

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dataDir;
  @TempDir static Path logDir;

  private static ServerProcess server;

  @BeforeAll
  static void startTheWardsServer() throws Exception {
    server =
        ServerProcess.start(
            Map.of(
                "edu.data-dir",
                dataDir.toString(),
                "edu.review.today",
                "2026-11-22",
                "edu.handouts.approved-only",
                "true",
                "edu.handouts.public-base-url",
                PUBLIC_BASE),
            logDir.resolve("ward.log"));
    server.awaitReady(Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theCatalogShowsOnlyApprovedMaterial() throws Exception {
    Document catalog = Jsoup.parse(get("/").body());
    assertThat(catalog.select("li.card").eachAttr("id"))
        .containsExactly("handout-oxytocin-healthwise");
    assertThat(catalog.select("#approved-only").text())
        .isEqualTo("This ward shows approved handouts only.");
  }

  @Test
  void aDraftIsNeitherShownNorPrinted() throws Exception {
    for (String path :
        new String[] {"/handouts/oxytocin-perexp", "/handouts/oxytocin-goaskalice.pdf"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(403);
      Document page = Jsoup.parse(response.body());
      assertThat(page.select("h1").text()).isEqualTo("Not approved for use");
      assertThat(response.body()).doesNotContain("ChatGPT").doesNotContain("Dear Alice");
    }
  }

  @Test
  void theQrCodeCarriesTheConfiguredAddressWhateverTheHostHeaderSays() throws Exception {
    Document page = Jsoup.parse(withHostHeader("/handouts/oxytocin-healthwise", "evil.example"));
    assertThat(page.select("#online-url").text()).isEqualTo(HEALTHWISE_ONLINE);
    assertThat(page.html()).doesNotContain("evil.example").doesNotContain("localhost");
    // read back as a phone would (ZXing, not the library that drew it)
    assertThat(QrDecoder.decodeSvg(page.select(".online__code svg").outerHtml()))
        .isEqualTo(HEALTHWISE_ONLINE);

    HttpResponse<byte[]> pdf =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/handouts/oxytocin-healthwise.pdf"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", ""))
          .contains(HEALTHWISE_ONLINE);
      List<String> decoded = new ArrayList<>();
      for (PDPage pdfPage : document.getPages()) {
        for (COSName name : pdfPage.getResources().getXObjectNames()) {
          if (pdfPage.getResources().getXObject(name) instanceof PDImageXObject image) {
            decoded.add(QrDecoder.decode(image.getImage()));
          }
        }
      }
      assertThat(decoded).containsExactly(HEALTHWISE_ONLINE);
    }
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The body of a GET sent with a forged Host header (Java's HTTP client will not set one). */
  private static String withHostHeader(String path, String host) throws Exception {
    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket
          .getOutputStream()
          .write(
              // HTTP/1.0: the answer comes unchunked, so the body is the page as sent
              ("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer.lines().findFirst().orElse("")).contains(" 200");
      return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
  }
}
