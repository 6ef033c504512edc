package org.patientedu.fhirserver.readcache;

import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The version a resource has now, straight from HAPI's resource table: one indexed lookup, far
 * cheaper than HAPI's read (which parses the stored JSON and encodes it again). Every node asks the
 * shared database, so a write made on another node is seen on the next read.
 */
class CurrentVersions {

  // IDX_RES_TYPE_FHIR_ID covers (RES_TYPE, FHIR_ID). One row per resource while the server is
  // not partitioned; anything else and we let HAPI answer.
  private static final String CURRENT_VERSION =
      "select RES_VER from HFJ_RESOURCE where RES_TYPE = ? and FHIR_ID = ? and RES_DELETED_AT is null";

  private final JdbcTemplate jdbc;

  CurrentVersions(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty when the resource does not exist or is deleted: HAPI then answers 404 or 410. */
  OptionalLong of(String type, String id) {
    List<Long> versions = jdbc.queryForList(CURRENT_VERSION, Long.class, type, id);
    return versions.size() == 1 ? OptionalLong.of(versions.get(0)) : OptionalLong.empty();
  }
}
