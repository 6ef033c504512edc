package org.patientedu.contentpack.loading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.ServerProcess;

/**
 * The jar is all an operator needs: started from a folder outside the repository, with no setting
 * but the port, it loads the content pack bundled in it and serves the catalog, the pages and the
 * handouts. Its data directory (the default {@code ./data}) is made in that folder. Its log warns
 * only of what the operator should act on.
 */
class SelfContainedJarIT {

  /** A warning or error line of Spring Boot's console log, and the logger that wrote it. */
  private static final Pattern WARNING =
      Pattern.compile("^\\S+\\s+(?:WARN|ERROR)\\s.*?\\]\\s+(\\S+)\\s+:", Pattern.MULTILINE);

  @TempDir Path elsewhere;

  @TempDir Path logDir;

  @Test
  void servesTheBundledPackStartedFromAnotherFolder() throws Exception {
    assertThat(elsewhere.resolve("fhir-resources")).doesNotExist();
    try (ServerProcess server =
        ServerProcess.startIn(elsewhere, Map.of(), logDir.resolve("server.log"))) {
      server.awaitReady(Duration.ofMinutes(10)); // a busy two-core machine

      assertThat(server.log())
          .doesNotContain("Content pack folder not found")
          .contains("Content pack loaded from the application (bundled)")
          .contains("{Binary=10, DocumentReference=5, Library=5} (created 20");
      assertThat(Files.isDirectory(elsewhere.resolve("data/h2"))).isTrue();
      // with no address and no CDS Hooks client set, and the tests' editor token, those are the
      // warnings; HAPI's and Spring's own start-up chatter (about their files and classes,
      // nothing to act on) is not
      assertThat(warningLoggers(server.log()))
          .containsExactlyInAnyOrder(
              "o.p.security.SecurityConfiguration",
              "o.p.infobutton.InfobuttonConfiguration",
              "org.patientedu.cdshooks.CdsHooksWiring",
              "org.patientedu.cdshooks.CdsHooksWiring");

      Library page =
          server.client().read().resource(Library.class).withId("oxytocin-healthwise").execute();
      assertThat(page.getTitle()).isEqualTo("Oxytocin");
      Bundle catalog =
          server.client().search().forResource(Library.class).returnBundle(Bundle.class).execute();
      assertThat(catalog.getEntry()).hasSize(5);

      HttpResponse<String> handout =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(server.baseUrl() + "/handouts/oxytocin-healthwise"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(handout.statusCode()).isEqualTo(200);
      assertThat(handout.body()).contains("Oxytocin").contains("Healthwise");
    }
  }

  private static List<String> warningLoggers(String log) {
    return WARNING.matcher(log).results().map(found -> found.group(1)).toList();
  }
}
