package org.patientedu.contentpack.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.testing.ServerProcess;

/**
 * A pack larger than a slice ({@code edu.content-pack.slice-size=2}): a bad file in the last slice
 * stores nothing and is named; without it, every page loads whole, in three transactions.
 */
class SyntheticPackSlicedLoadIT {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  @TempDir Path dataDir;
  @TempDir Path packDir;
  @TempDir Path logDir;

  @Test
  void aBadFileInALaterSliceStoresNothingThenEveryPageLoadsWhole() throws Exception {
    SyntheticPackCommand.write(packDir, 5, 7, TODAY);
    // a sixth page folder, last in name order, so in the third slice: Library.status is missing
    Path broken = packDir.resolve("zz-broken/Library.json");
    Files.createDirectories(broken.getParent());
    Files.writeString(broken, "{\"resourceType\":\"Library\",\"id\":\"zz-broken\"}");

    assertThatThrownBy(() -> start("broken"))
        .hasMessageContaining("Node exited during start-up")
        .hasMessageContaining("zz-broken/Library.json")
        .hasMessageContaining("fails validation")
        .hasMessageContaining("Library.status");

    Files.delete(broken);
    Files.delete(broken.getParent());
    try (ServerProcess server = start("sliced")) {
      // "created 20": the refused start stored nothing; 5 pages of 4 files, 2 pages a slice
      assertThat(server.log())
          .contains(
              "{Binary=10, DocumentReference=5, Library=5} (created 20, updated 0, unchanged 0)")
          .contains("20 resources stored in 3 transactions of up to 2 pages");
      assertThat(count(server, "Library")).isEqualTo(5);
      assertThat(count(server, "DocumentReference")).isEqualTo(5);
      assertThat(count(server, "Binary")).isEqualTo(10);
      DocumentReference last =
          server
              .client()
              .read()
              .resource(DocumentReference.class)
              .withId("synthetic-00005")
              .execute();
      assertThat(last.getContext().getRelatedFirstRep().getReference())
          .isEqualTo("Library/synthetic-00005");
      server.client().read().resource(Library.class).withId("synthetic-00005").execute();
    }

    try (ServerProcess server = start("restart")) {
      assertThat(server.log())
          .contains(
              "{Binary=10, DocumentReference=5, Library=5} (created 0, updated 0, unchanged 20)");
    }
  }

  private ServerProcess start(String name) throws Exception {
    ServerProcess server =
        ServerProcess.start(
            Map.of(
                "edu.data-dir", dataDir.toString(),
                "edu.content-pack.dir", packDir.toString(),
                "edu.content-pack.slice-size", "2",
                "edu.review.today", TODAY.toString()),
            logDir.resolve(name + ".log"));
    try {
      return server.awaitReady(Duration.ofMinutes(15));
    } catch (RuntimeException notReady) {
      server.close();
      throw notReady;
    }
  }

  private static int count(ServerProcess server, String type) {
    return server
        .client()
        .search()
        .byUrl(type + "?_summary=count")
        .returnBundle(Bundle.class)
        .execute()
        .getTotal();
  }
}
