package org.patientedu.fhirserver.readcache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.patientedu.fhirserver.LocalCommits;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The version a resource has now, straight from HAPI's resource table: one indexed lookup, far
 * cheaper than HAPI's read (which parses the stored JSON and encodes it again). Every node asks the
 * shared database, so a write made on another node is seen on the next read. Also a fingerprint of
 * all resources of a type, for features that hold a view of each of them ({@link ResourceViews}).
 *
 * <p>Raw SQL into a table HAPI owns, on purpose, and only here: HAPI's repository API ({@code
 * IResourceTableDao.findByTypeAndFhirId}) loads the whole entity through Hibernate inside a
 * transaction, which would cost most of what the cache saves on every request. A HAPI upgrade that
 * renames the table, a column or the index fails {@code CurrentVersionsIT}, which checks HAPI's
 * entity mapping and the schema it creates against the names below.
 */
public class CurrentVersions {

  /**
   * How many resources of a type the table holds (deleted ones included) and the sum of their
   * version numbers. Every write (create, update, delete) adds a version, so the fingerprint
   * changes with each one, on whichever node, whatever the nodes' clocks say (a latest-update time
   * would not: a node whose clock is behind writes an older time). Equal fingerprints mean no
   * resource of the type was written in between.
   */
  public record Fingerprint(long resources, long versions) {}

  static final String TABLE = "HFJ_RESOURCE";
  static final String TYPE_COLUMN = "RES_TYPE";
  static final String ID_COLUMN = "FHIR_ID";
  static final String VERSION_COLUMN = "RES_VER";
  static final String DELETED_COLUMN = "RES_DELETED_AT";

  /** Covers (RES_TYPE, FHIR_ID), so the lookup is one index probe. */
  static final String INDEX = "IDX_RES_TYPE_FHIR_ID";

  // One row per resource while the server is not partitioned; anything else and we let HAPI
  // answer.
  private static final String CURRENT_VERSION =
      "select "
          + VERSION_COLUMN
          + " from "
          + TABLE
          + " where "
          + TYPE_COLUMN
          + " = ? and "
          + ID_COLUMN
          + " = ? and "
          + DELETED_COLUMN
          + " is null";

  // One pass over the type's rows of IDX_RES_TYPE_FHIR_ID.
  private static final String FINGERPRINT =
      "select count(*), coalesce(sum("
          + VERSION_COLUMN
          + "), 0) from "
          + TABLE
          + " where "
          + TYPE_COLUMN
          + " = ?";

  private final JdbcTemplate jdbc;
  private final LocalCommits commits;
  private final Map<List<String>, UntilNextCommit<Fingerprint>> fingerprints =
      new ConcurrentHashMap<>();
  private final Cache<List<String>, UntilNextCommit<OptionalLong>> versionQueries =
      Caffeine.newBuilder().maximumSize(10_000).build();
  private final LongAdder databaseQueries = new LongAdder();

  CurrentVersions(JdbcTemplate jdbc, LocalCommits commits) {
    this.jdbc = jdbc;
    this.commits = commits;
  }

  /** How many lookups and fingerprints were read from the database (the rest were remembered). */
  long databaseQueries() {
    return databaseQueries.sum();
  }

  /**
   * Empty when the resource does not exist or is deleted: HAPI then answers 404 or 410. Callers
   * asking for the same resource at the same moment share one query, as for fingerprints, and on a
   * node that is its database's only writer the answer is remembered until this node commits
   * anything ({@link UntilNextCommit}); the queries of the resources read most recently are kept
   * (bounded, since ids come from callers; one dropped only means a query of its own).
   */
  OptionalLong of(String type, String id) {
    return versionQueries
        .get(
            List.of(type, id),
            key -> new UntilNextCommit<>(() -> currentVersion(type, id), commits))
        .get();
  }

  private OptionalLong currentVersion(String type, String id) {
    databaseQueries.increment();
    List<Long> versions = jdbc.queryForList(CURRENT_VERSION, Long.class, type, id);
    return versions.size() == 1 ? OptionalLong.of(versions.get(0)) : OptionalLong.empty();
  }

  /**
   * As the database holds it when asked: callers asking at the same moment share one query that
   * started after they asked ({@link SharedQuery}), so a busy node asks once per round, not once
   * per request; a node that is its database's only writer asks again only once it has committed
   * something ({@link UntilNextCommit}).
   */
  public Fingerprint fingerprint(String type) {
    return fingerprint(List.of(type));
  }

  /** One fingerprint over all resources of several types, in one query, shared as above. */
  Fingerprint fingerprint(List<String> types) {
    return fingerprints.computeIfAbsent(types, this::fingerprintQuery).get();
  }

  private UntilNextCommit<Fingerprint> fingerprintQuery(List<String> types) {
    String sql =
        FINGERPRINT.replace(
            TYPE_COLUMN + " = ?",
            TYPE_COLUMN
                + " in ("
                + String.join(", ", Collections.nCopies(types.size(), "?"))
                + ")");
    Object[] arguments = types.toArray();
    return new UntilNextCommit<>(
        () -> {
          databaseQueries.increment();
          return jdbc.queryForObject(
              sql, (row, n) -> new Fingerprint(row.getLong(1), row.getLong(2)), arguments);
        },
        commits);
  }
}
