package org.patientedu.fhirserver.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.model.entity.ResourceTable;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.junit.jupiter.api.Test;
import org.patientedu.fhirserver.LocalCommits;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read cache's one query into HAPI's own table still fits HAPI: the entity mapping and the
 * schema HAPI creates have the table, columns and index the query names, and the query gives the
 * version HAPI itself serves. A HAPI upgrade that changes any of it fails here, not silently in
 * production.
 */
class CurrentVersionsIT extends RunningServerTest {

  @Autowired EntityManagerFactory entityManagerFactory;

  @Autowired DataSource dataSource;

  @Autowired JdbcTemplate jdbc;

  /** The server's own: this test server is its database's only writer. */
  @Autowired LocalCommits commits;

  @Test
  void hapisEntityMappingHasTheTableAndColumnsTheQueryNames() {
    AbstractEntityPersister resources =
        (AbstractEntityPersister)
            entityManagerFactory
                .unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel()
                .getEntityDescriptor(ResourceTable.class);
    assertThat(resources.getTableName()).isEqualToIgnoringCase(CurrentVersions.TABLE);
    assertThat(resources.getPropertyColumnNames("myResourceType"))
        .containsExactly(CurrentVersions.TYPE_COLUMN);
    assertThat(resources.getPropertyColumnNames("myFhirId"))
        .containsExactly(CurrentVersions.ID_COLUMN);
    assertThat(resources.getPropertyColumnNames("myVersion"))
        .containsExactly(CurrentVersions.VERSION_COLUMN);
    assertThat(resources.getPropertyColumnNames("myDeleted"))
        .containsExactly(CurrentVersions.DELETED_COLUMN);
  }

  @Test
  void theSchemaHasTheIndexTheLookupUses() throws Exception {
    List<String> indexed = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        ResultSet index =
            connection
                .getMetaData()
                .getIndexInfo(null, null, CurrentVersions.TABLE, false, false)) {
      while (index.next()) {
        // IDX_RES_TYPE_FHIR_ID is a unique constraint; H2 names the index behind it
        // IDX_RES_TYPE_FHIR_ID_INDEX_<n>, PostgreSQL after the constraint itself.
        if (index.getString("INDEX_NAME").toUpperCase().startsWith(CurrentVersions.INDEX)) {
          indexed.add(
              index.getShort("ORDINAL_POSITION")
                  + ":"
                  + index.getString("COLUMN_NAME").toUpperCase());
        }
      }
    }
    assertThat(indexed)
        .as("columns of %s", CurrentVersions.INDEX)
        .containsExactly("1:" + CurrentVersions.TYPE_COLUMN, "2:" + CurrentVersions.ID_COLUMN);
  }

  @Test
  void theQueryGivesTheVersionHapiServesAndNothingForDeletedOrUnknownResources() {
    CurrentVersions versions = new CurrentVersions(jdbc, commits);
    String id = "current-versions";
    editorClient().update().resource(TestLibraries.draft(id, "Versions", "First")).execute();
    assertThat(versions.of("Library", id)).isEqualTo(OptionalLong.of(1));
    editorClient().update().resource(TestLibraries.draft(id, "Versions", "Second")).execute();
    assertThat(versions.of("Library", id)).isEqualTo(OptionalLong.of(2));
    assertThat(get("/fhir/Library/" + id).headers().firstValue("ETag")).hasValue("W/\"2\"");

    editorClient().delete().resourceById("Library", id).execute();
    assertThat(versions.of("Library", id)).isEmpty();
    assertThat(versions.of("Library", "no-such-library")).isEmpty();
    assertThat(versions.of("DocumentReference", "oxytocin-healthwise")).isNotEmpty();
  }

  @Test
  void theFingerprintChangesWithEveryWriteOfTheType() {
    CurrentVersions versions = new CurrentVersions(jdbc, commits);
    String id = "current-versions-fingerprint";
    CurrentVersions.Fingerprint before = versions.fingerprint("Library");
    editorClient().update().resource(TestLibraries.draft(id, "Fingerprint", "First")).execute();
    CurrentVersions.Fingerprint created = versions.fingerprint("Library");
    assertThat(created)
        .isEqualTo(new CurrentVersions.Fingerprint(before.resources() + 1, before.versions() + 1));
    editorClient().update().resource(TestLibraries.draft(id, "Fingerprint", "Second")).execute();
    assertThat(versions.fingerprint("Library"))
        .isEqualTo(new CurrentVersions.Fingerprint(created.resources(), created.versions() + 1));
    editorClient().delete().resourceById("Library", id).execute();
    assertThat(versions.fingerprint("Library"))
        .isEqualTo(new CurrentVersions.Fingerprint(created.resources(), created.versions() + 2));
    // another type's writes leave it alone
    CurrentVersions.Fingerprint libraries = versions.fingerprint("Library");
    editorClient()
        .update()
        .resource(new org.hl7.fhir.r4.model.Basic().setId("fingerprint-other"))
        .execute();
    assertThat(versions.fingerprint("Library")).isEqualTo(libraries);
    editorClient().delete().resourceById("Basic", "fingerprint-other").execute();
  }

  @Test
  void aSoleWriterAsksTheDatabaseAgainOnlyOnceItCommittedSomething() {
    assertThat(commits.soleWriter()).as("H2 and a local index: alone on the database").isTrue();
    CurrentVersions versions = new CurrentVersions(jdbc, commits);
    String id = "current-versions-remembered";
    editorClient().update().resource(TestLibraries.draft(id, "Remembered", "First")).execute();

    assertThat(versions.of("Library", id)).isEqualTo(OptionalLong.of(1));
    CurrentVersions.Fingerprint fingerprint = versions.fingerprint("Library");
    long asked = versions.databaseQueries();
    assertThat(versions.of("Library", id)).isEqualTo(OptionalLong.of(1));
    assertThat(versions.fingerprint("Library")).isEqualTo(fingerprint);
    assertThat(versions.databaseQueries())
        .as("nothing committed: both remembered")
        .isEqualTo(asked);

    // A write over HTTP commits in the server's transaction manager: the next lookups ask.
    editorClient().update().resource(TestLibraries.draft(id, "Remembered", "Second")).execute();
    assertThat(versions.of("Library", id)).isEqualTo(OptionalLong.of(2));
    assertThat(versions.fingerprint("Library"))
        .isEqualTo(
            new CurrentVersions.Fingerprint(fingerprint.resources(), fingerprint.versions() + 1));
    assertThat(versions.databaseQueries()).isEqualTo(asked + 2);
  }

  @Test
  void aNodeSharingItsDatabaseAsksEveryTime() {
    CurrentVersions versions = new CurrentVersions(jdbc, new LocalCommits(false));
    versions.of("Library", "oxytocin-healthwise");
    versions.of("Library", "oxytocin-healthwise");
    versions.fingerprint("Library");
    versions.fingerprint("Library");
    assertThat(versions.databaseQueries()).isEqualTo(4);
  }
}
