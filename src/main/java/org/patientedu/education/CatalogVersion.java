package org.patientedu.education;

import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fingerprint of every stored Library, from HAPI's resource table in one query: how many there
 * are and the sum of their version numbers. Every write (create, update, review, approval,
 * retirement, delete) adds a version, so the fingerprint changes with each one, on whichever node
 * it happened, whatever the nodes' clocks say (a latest-update time would not: a node whose clock
 * is behind writes an older time). Costs one pass over the Library rows of IDX_RES_TYPE_FHIR_ID.
 */
class CatalogVersion {

  private static final String FINGERPRINT =
      "select count(*) as PAGES, coalesce(sum(RES_VER), 0) as VERSIONS"
          + " from HFJ_RESOURCE where RES_TYPE = 'Library'";

  private final JdbcTemplate jdbc;

  CatalogVersion(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Equal fingerprints mean no Library was written in between. */
  record Fingerprint(long pages, long versions) {}

  Fingerprint now() {
    Map<String, Object> row = jdbc.queryForMap(FINGERPRINT);
    return new Fingerprint(number(row, "PAGES"), number(row, "VERSIONS"));
  }

  private static long number(Map<String, Object> row, String column) {
    // Column labels come back in the database's case (H2 upper, PostgreSQL lower).
    Object value = row.containsKey(column) ? row.get(column) : row.get(column.toLowerCase());
    return ((Number) value).longValue();
  }
}
