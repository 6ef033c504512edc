package org.patientedu.fhirserver.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.search.BatchResourceLoader;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Library;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A search answered again, with every cache bypassed, hands out the parses HAPI made of the same
 * stored versions the first time: the same resources, metadata and all, and never an older version
 * than the one stored.
 */
class ReusedParsesIT extends RunningServerTest {

  private static final CacheControlDirective NO_CACHE =
      new CacheControlDirective().setNoCache(true);

  @Autowired BatchResourceLoader searchResultLoader;

  @Test
  void aRepeatedSearchHandsOutTheKeptParseWithTheStoredVersionsMetadata() {
    IGenericClient editor = editorClient();
    String id =
        editor
            .create()
            .resource(
                TestLibraries.draft(
                    "reused-parse", "Reused parse", "Found twice by one search, parsed once"))
            .execute()
            .getId()
            .getIdPart();
    ReusedParses loader = (ReusedParses) searchResultLoader;

    Library first = searchById(editor, id);
    long reusedBefore = loader.reused();
    Library second = searchById(editor, id);

    assertThat(loader.reused()).as("the second answer's one Library").isGreaterThan(reusedBefore);
    IParser json = fhirContext().newJsonParser();
    String read =
        json.encodeResourceToString(editor.read().resource(Library.class).withId(id).execute());
    assertThat(json.encodeResourceToString(second))
        .as("the reused parse, as a read of the resource shows it")
        .isEqualTo(json.encodeResourceToString(first))
        .isEqualTo(read);
    // written by hand from what was stored: version 1 of a new resource, its title and narrative
    assertThat(second.getIdElement().getVersionIdPart()).isEqualTo("1");
    assertThat(second.getMeta().getVersionId()).isEqualTo("1");
    assertThat(second.getMeta().getLastUpdated()).isNotNull();
    assertThat(second.getTitle()).isEqualTo("Reused parse");
    assertThat(second.getText().getDivAsString()).contains("Reused parse");
  }

  @Test
  void aSearchAfterAnUpdateAnswersWithTheNewVersion() {
    IGenericClient editor = editorClient();
    Library library =
        TestLibraries.draft("reused-then-updated", "Before the update", "Parsed, then changed");
    String id = editor.create().resource(library).execute().getId().getIdPart();
    assertThat(searchById(editor, id).getTitle()).isEqualTo("Before the update");
    assertThat(searchById(editor, id).getTitle()).as("kept parse").isEqualTo("Before the update");

    library.setId(id);
    library.setTitle("After the update");
    editor.update().resource(library).execute();

    Library after = searchById(editor, id);
    assertThat(after.getTitle()).isEqualTo("After the update");
    assertThat(after.getMeta().getVersionId()).isEqualTo("2");
    assertThat(after.getText().getDivAsString()).contains("After the update");
  }

  private static Library searchById(IGenericClient client, String id) {
    Bundle answer =
        client
            .search()
            .forResource(Library.class)
            .where(Library.RES_ID.exactly().code(id))
            .cacheControl(NO_CACHE)
            .returnBundle(Bundle.class)
            .execute();
    List<Bundle.BundleEntryComponent> entries = answer.getEntry();
    assertThat(entries).as("the one Library with id " + id).hasSize(1);
    return (Library) entries.get(0).getResource();
  }
}
