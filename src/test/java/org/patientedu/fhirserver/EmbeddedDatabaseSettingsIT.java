package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The settings the embedded H2 database is opened with (`spring.datasource.url` in
 * application.properties) are the ones in effect, read back from the running server's database
 * rather than from the configuration that asked for them.
 */
class EmbeddedDatabaseSettingsIT extends RunningServerTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void everyCommitIsWrittenBeforeTheWriteIsAcknowledged() {
    // why: beside spring.datasource.url in application.properties
    assertThat(setting("WRITE_DELAY")).isEqualTo("0");
  }

  @Test
  void theDatabaseLetsGoOfTheStoredTextItHandsOutAfterASecondNotFiveMinutes() {
    // why 1 s and not H2's 5 minutes: beside spring.datasource.url in application.properties
    assertThat(setting("LOB_TIMEOUT")).isEqualTo("1000");
  }

  private String setting(String name) {
    // H2 lists WRITE_DELAY twice (the URL's setting and the database's own); both must agree
    return jdbc.queryForObject(
        "SELECT DISTINCT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?",
        String.class,
        name);
  }
}
