package org.patientedu.contentpack.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerInstance;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Loading the pack across restarts on one data folder: a restart changes nothing, a changed file
 * becomes a new version with history kept, a bad file stops the load and loads nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContentPackReloadIT {

  @TempDir
  Path dataDir;

  @TempDir
  Path packDir;

  @Test
  void reloadsIdempotentlyKeepsHistoryAndRefusesBadFilesWhole(CapturedOutput output) throws IOException {
    writeLibrary("first/Library.json", "reload-first", "The first handout.");
    writeLibrary("second/Library.json", "reload-second", "The second handout.");

    try (ServerInstance server = start()) {
      assertThat(version(server, "reload-first")).isEqualTo("1");
      server.editorClient().create().resource(new org.hl7.fhir.r4.model.Basic()).execute();
      assertThat(output).as("the editor token is never logged").doesNotContain(RunningServerTest.EDITOR_TOKEN);
      assertThat(output).contains("Database in use: H2")
          .contains("Content pack loaded from").contains("{Library=2} (created 2, updated 0, unchanged 0)");
    }

    try (ServerInstance server = start()) {
      assertThat(version(server, "reload-first")).isEqualTo("1");
      assertThat(version(server, "reload-second")).isEqualTo("1");
      assertThat(libraryCount(server)).isEqualTo(2);
      assertThat(output).contains("{Library=2} (created 0, updated 0, unchanged 2)");
    }

    writeLibrary("third/Library.json", "reload-third", "Would be new, but its neighbour is broken.");
    Files.writeString(packDir.resolve("third/Broken.json"), "{\"resourceType\":\"Library\",\"id\":\"broken\",\"status\":");
    assertThatThrownBy(this::start)
        .hasStackTraceContaining("third/Broken.json")
        .hasStackTraceContaining("not a valid FHIR R4 JSON resource");
    Files.delete(packDir.resolve("third/Broken.json"));
    Files.delete(packDir.resolve("third/Library.json"));

    writeLibrary("first/Library.json", "reload-first", "The first handout, revised.");
    try (ServerInstance server = start()) {
      assertThat(version(server, "reload-first")).isEqualTo("2");
      assertThat(version(server, "reload-second")).isEqualTo("1");
      Bundle history = server.client().history().onInstance(new IdType("Library", "reload-first"))
          .returnBundle(Bundle.class).execute();
      assertThat(history.getEntry()).extracting(e -> ((Library) e.getResource()).getDescription())
          .containsExactly("The first handout, revised.", "The first handout.");
      assertThatThrownBy(() -> server.client().read().resource(Library.class).withId("reload-third").execute())
          .as("nothing from the refused load was stored")
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  private ServerInstance start() {
    return ServerInstance.builder()
        .property("edu.data-dir", dataDir.toString())
        .property("edu.content-pack.dir", packDir.toString())
        .start();
  }

  private static String version(ServerInstance server, String id) {
    return server.client().read().resource(Library.class).withId(id).execute().getIdElement().getVersionIdPart();
  }

  private static int libraryCount(ServerInstance server) {
    return server.client().search().byUrl("Library?_summary=count").returnBundle(Bundle.class).execute().getTotal();
  }

  private void writeLibrary(String relativePath, String id, String description) throws IOException {
    Path file = packDir.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        {
          "resourceType": "Library",
          "id": "%s",
          "status": "draft",
          "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/library-type", "code": "asset-collection" } ] },
          "description": "%s"
        }
        """.formatted(id, description));
  }
}
