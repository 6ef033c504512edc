package org.patientedu.fhirserver;

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
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.ServerProcess;

/**
 * README's "Faster start-up (class data sharing)": {@code bin/make-startup-archive} turns the
 * packaged jar into an extracted one with a class-data-sharing archive, and the server started with
 * that archive uses it and serves the bundled pack. A training run, a dump and a start take a few
 * minutes on a two-core machine, so this runs only with {@code -Pstartup-archive}.
 */
@Tag("startup-archive")
class StartupArchiveIT {

  @TempDir Path archiveDir;

  @TempDir Path runDir;

  @TempDir Path logDir;

  @Test
  void theServerStartsWithTheArchiveAndServesThePack() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path startup = archiveDir.resolve("startup");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of("bin/make-startup-archive").toAbsolutePath().toString(),
                ServerProcess.appJar().toString(),
                startup.toString())
            .redirectErrorStream(true)
            .redirectOutput(logDir.resolve("make.log").toFile());
    // The archive fits only the JVM that made it: the one the tests' nodes run on.
    builder.environment().put("JAVA", java.toString());
    Process make = builder.start();
    assertThat(make.waitFor(15, TimeUnit.MINUTES)).isTrue();
    assertThat(make.exitValue()).as(Files.readString(logDir.resolve("make.log"))).isZero();
    assertThat(startup.resolve("app.jsa")).isNotEmptyFile();

    Path classLoads = logDir.resolve("class-load.log");
    List<String> jvmOptions =
        List.of(
            ServerProcess.PRODUCT_JVM_OPTIONS,
            "-XX:SharedArchiveFile=" + startup.resolve("app.jsa"),
            // refuse to start rather than start without the archive
            "-Xshare:on",
            "-Xlog:class+load:file=" + classLoads);
    try (ServerProcess server =
        ServerProcess.startJar(
            startup.resolve("patient-education.jar"),
            jvmOptions,
            runDir,
            Map.of(),
            logDir.resolve("server.log"))) {
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
