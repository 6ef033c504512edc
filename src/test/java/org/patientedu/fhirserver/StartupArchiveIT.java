package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.ServerProcess;

/**
 * README's "Faster start-up (class data sharing)": the build runs {@code bin/make-startup-archive}
 * on the packaged jar before the integration tests (pom.xml, {@code test-node-startup-archive}),
 * and the test nodes start as the Docker image does, from the extracted jar with that archive. This
 * checks the archive is really used (a start that refuses to run without it, {@code -Xshare:on}),
 * that the server so started serves the bundled pack from another working directory, and that the
 * other tests' nodes are launched with it.
 */
class StartupArchiveIT {

  @TempDir Path runDir;

  @TempDir Path logDir;

  @Test
  void theServerStartsWithTheArchiveAndServesThePack() throws Exception {
    // Waits for the archive the build makes in the background.
    List<String> testNodeLaunch = ServerProcess.testNodeLaunch();
    Path startup = Path.of(System.getProperty("edu.startup.dir"));
    Path archive = startup.resolve("app.jsa");
    Path extracted = startup.resolve(ServerProcess.appJar().getFileName().toString());
    assertThat(archive)
        .as(
            "the archive the build makes as the integration tests begin (none with -Dedu.test-archive.skip=true)")
        .isNotEmptyFile();
    assertThat(startup.resolve("lib")).isDirectory();
    assertThat(startup.resolve(".complete")).as("the archive script's mark of success").exists();
    assertThat(testNodeLaunch)
        .as("the test nodes' launch")
        .containsExactly(
            "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-jar", extracted.toString());

    Path classLoads = logDir.resolve("class-load.log");
    List<String> jvmOptions = new ArrayList<>(ServerProcess.TEST_NODE_OPTIONS);
    jvmOptions.add("-XX:SharedArchiveFile=" + archive);
    jvmOptions.add("-Xshare:on"); // refuse to start rather than start without the archive
    jvmOptions.add("-Xlog:class+load:file=" + classLoads);
    try (ServerProcess server =
        ServerProcess.startJar(
            extracted, jvmOptions, runDir, Map.of(), logDir.resolve("server.log"))) {
      server.awaitReady(Duration.ofMinutes(10)); // a busy two-core machine

      assertThat(Files.readString(classLoads))
          .contains("org.springframework.boot.SpringApplication source: shared objects file")
          .contains("org.patientedu.PatientEducationApplication source: shared objects file");

      Library page =
          server.client().read().resource(Library.class).withId("oxytocin-healthwise").execute();
      assertThat(page.getTitle()).isEqualTo("Oxytocin");
      HttpResponse<String> readiness =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(server.baseUrl() + "/actuator/health/readiness"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(readiness.statusCode()).isEqualTo(200);
      assertThat(readiness.body()).contains("\"UP\"");
      assertThat(runDir.resolve("data/h2")).isDirectory();
    }
  }
}
