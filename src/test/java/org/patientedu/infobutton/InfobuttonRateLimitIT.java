package org.patientedu.infobutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientedu.infobutton.InfobuttonIT.child;
import static org.patientedu.infobutton.InfobuttonIT.children;
import static org.patientedu.infobutton.InfobuttonIT.query;
import static org.patientedu.infobutton.InfobuttonIT.xml;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.ServerProcess;
import org.w3c.dom.Element;

/**
 * A server of its own (the packaged jar) with the settings an operator would change: a public
 * address for links, one entry per code, and a tight rate limit, so the 429 can be seen.
 */
class InfobuttonRateLimitIT {

  private static final String PUBLIC_BASE = "https://education.example.org";
  private static final String O92_79 =
      query(
          "mainSearchCriteria.v.cs", "2.16.840.1.113883.6.90", "mainSearchCriteria.v.c", "O92.79");

  @TempDir static Path dir;
  private static ServerProcess server;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server =
        ServerProcess.start(
                Map.of(
                    "edu.data-dir", dir.resolve("data").toString(),
                    "edu.review.today", "2026-11-22",
                    "edu.handouts.public-base-url", PUBLIC_BASE + "/",
                    "edu.infobutton.max-entries-per-code", "1",
                    "edu.infobutton.rate-limit.requests", "3",
                    "edu.infobutton.rate-limit.period", "1h"),
                Files.createDirectories(dir.resolve("logs")).resolve("server.log"))
            .awaitReady(Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void linksUseThePublicAddressAndTheFourthRequestWaits() throws Exception {
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> ok = get(O92_79);
      assertThat(ok.statusCode()).isEqualTo(200);
      // one entry per code: the best (Healthwise, lactation primary)
      assertThat(children(xml(ok.body()).getDocumentElement(), "entry"))
          .singleElement()
          .satisfies(
              entry ->
                  assertThat(child(entry, "link").getAttribute("href"))
                      .isEqualTo(PUBLIC_BASE + "/handouts/oxytocin-healthwise"));
    }

    HttpResponse<String> refused = get(O92_79);
    assertThat(refused.statusCode()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
    Element error = xml(refused.body()).getDocumentElement();
    assertThat(child(error, "status").getTextContent()).isEqualTo("429");

    HttpResponse<String> refusedJson = get(O92_79 + "&knowledgeResponseType=application/json");
    assertThat(refusedJson.statusCode()).isEqualTo(429);
    assertThat(new ObjectMapper().readTree(refusedJson.body()).get("error").get("status").asInt())
        .isEqualTo(429);
    // other endpoints are not counted
    assertThat(get("", "/fhir/Library/oxytocin-healthwise").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<String> get(String query) throws Exception {
    return get(query, "/infobutton");
  }

  private static HttpResponse<String> get(String query, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path + query)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
