package org.patientedu.contentpack.loading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerProcess;

/**
 * Loading the pack across restarts on one data folder: an unchanged file is skipped (a review made
 * since is kept), a changed file becomes a new version with history kept, a bad file stops the load
 * and loads nothing. ({@code SyntheticPackIT} restarts on a pack with no change at all.)
 */
class ContentPackReloadIT {

  @TempDir Path dataDir;

  @TempDir Path packDir;

  @TempDir Path logDir;

  @Test
  void reloadsIdempotentlyKeepsHistoryAndRefusesBadFilesWhole() throws Exception {
    writeLibrary("first/Library.json", "reload-first", "The first handout.");
    writeLibrary("second/Library.json", "reload-second", "The second handout.");
    writeDocument("second/DocumentReference.json", "reload-second");

    try (ServerProcess server = start("first")) {
      assertThat(version(server, "reload-first")).isEqualTo("1");
      server.editorClient().create().resource(new org.hl7.fhir.r4.model.Basic()).execute();
      assertThat(server.log())
          .as("the editor token is never logged")
          .doesNotContain(RunningServerTest.EDITOR_TOKEN);
      assertThat(server.log())
          .contains("Database in use: H2")
          .contains("Content pack loaded from")
          .contains("{DocumentReference=1, Library=2} (created 3, updated 0, unchanged 0)");
      // a clinician reviews a pack page: the next load must not undo it
      server
          .editorClient()
          .operation()
          .onInstance(new IdType("Library", "reload-second"))
          .named("$review")
          .withParameters(
              new Parameters()
                  .addParameter("reviewerName", new StringType("Maria Lopez"))
                  .addParameter("date", new DateType("2026-11-20")))
          .returnResourceType(Library.class)
          .execute();
    }

    writeLibrary(
        "third/Library.json", "reload-third", "Would be new, but its neighbour is broken.");
    // Well-formed but invalid (Library.status is required): files about to be stored are
    // validated at start-up (unchanged ones were when first stored).
    Files.writeString(
        packDir.resolve("third/Broken.json"), "{\"resourceType\":\"Library\",\"id\":\"broken\"}");
    assertThatThrownBy(() -> start("broken"))
        .hasMessageContaining("Node exited during start-up")
        .hasMessageContaining("third/Broken.json")
        .hasMessageContaining("fails validation")
        .hasMessageContaining("Library.status");
    Files.delete(packDir.resolve("third/Broken.json"));
    Files.delete(packDir.resolve("third/Library.json"));

    writeLibrary("first/Library.json", "reload-first", "The first handout, revised.");
    // One start for the changed file and the unchanged ones beside it (each start is a minute of
    // CI's two cores): the unchanged files are skipped, so the review survives the reload.
    try (ServerProcess server = start("changed")) {
      assertThat(server.log())
          .contains("{DocumentReference=1, Library=2} (created 0, updated 1, unchanged 2)");
      assertThat(version(server, "reload-first")).isEqualTo("2");
      assertThat(version(server, "reload-second")).isEqualTo("2");
      assertReviewKept(server);
      assertThat(libraryCount(server)).isEqualTo(2);
      Bundle history =
          server
              .client()
              .history()
              .onInstance(new IdType("Library", "reload-first"))
              .returnBundle(Bundle.class)
              .execute();
      assertThat(history.getEntry())
          .extracting(e -> ((Library) e.getResource()).getDescription())
          .containsExactly("The first handout, revised.", "The first handout.");
      assertThatThrownBy(
              () -> server.client().read().resource(Library.class).withId("reload-third").execute())
          .as("nothing from the refused load was stored")
          .isInstanceOf(ResourceNotFoundException.class);
    }
  }

  private ServerProcess start(String name) throws Exception {
    return ServerProcess.startReady(
        Map.of(
            "edu.data-dir", dataDir.toString(),
            "edu.content-pack.dir", packDir.toString()),
        logDir.resolve(name + ".log"),
        Duration.ofMinutes(6));
  }

  private static void assertReviewKept(ServerProcess server) {
    Library reviewed =
        server.client().read().resource(Library.class).withId("reload-second").execute();
    assertThat(reviewed.getLastReviewDateElement().getValueAsString()).isEqualTo("2026-11-20");
    assertThat(reviewed.getReviewerFirstRep().getName()).isEqualTo("Maria Lopez");
    assertThat(reviewed.getDescription()).isEqualTo("The second handout.");
  }

  private static String version(ServerProcess server, String id) {
    return server
        .client()
        .read()
        .resource(Library.class)
        .withId(id)
        .execute()
        .getIdElement()
        .getVersionIdPart();
  }

  private static int libraryCount(ServerProcess server) {
    return server
        .client()
        .search()
        .byUrl("Library?_summary=count")
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }

  /** The handout of a page: a DocumentReference pointing at its Library. */
  private void writeDocument(String relativePath, String id) throws IOException {
    Files.writeString(
        packDir.resolve(relativePath),
        """
        {
          "resourceType": "DocumentReference",
          "id": "%s",
          "status": "current",
          "content": [ { "attachment": { "contentType": "text/plain", "url": "Binary/%s-text" } } ],
          "context": { "related": [ { "reference": "Library/%s" } ] }
        }
        """
            .formatted(id, id, id));
  }

  private void writeLibrary(String relativePath, String id, String description) throws IOException {
    Path file = packDir.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        """
        {
          "resourceType": "Library",
          "id": "%s",
          "status": "draft",
          "type": { "coding": [ { "system": "http://terminology.hl7.org/CodeSystem/library-type", "code": "asset-collection" } ] },
          "description": "%s"
        }
        """
            .formatted(id, description));
  }
}
