package org.patientedu.fhirserver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session-level advisory lock, held on a connection of its own for as long as the
 * holder needs it: if the node dies, PostgreSQL drops the lock with the connection. A pool keeps
 * the session open, so the holder releases it explicitly. H2 has no advisory locks (and in file
 * mode admits one process anyway), so there none is taken.
 */
public final class AdvisoryLock {

  private static final Logger log = LoggerFactory.getLogger(AdvisoryLock.class);

  /** Exclusive: one holder. Shared: any number of shared holders, but never beside an exclusive. */
  public enum Mode {
    EXCLUSIVE("pg_try_advisory_lock", "pg_advisory_unlock"),
    SHARED("pg_try_advisory_lock_shared", "pg_advisory_unlock_shared");

    private final String tryLock;
    private final String unlock;

    Mode(String tryLock, String unlock) {
      this.tryLock = tryLock;
      this.unlock = unlock;
    }
  }

  private final long key;
  private final Mode mode;
  private final String name;
  private Connection connection;
  private boolean held;

  /**
   * @param key any fixed number, the same on every node (advisory locks are keyed by a bigint)
   * @param name what the lock is, for the log
   */
  public AdvisoryLock(long key, Mode mode, String name) {
    this.key = key;
    this.mode = mode;
    this.name = name;
  }

  /**
   * Opens the lock's own connection. Returns false, and keeps no connection, on a database other
   * than PostgreSQL.
   */
  public synchronized boolean connect(DataSource dataSource) throws SQLException {
    Connection opened = dataSource.getConnection();
    if (!"PostgreSQL".equals(opened.getMetaData().getDatabaseProductName())) {
      opened.close();
      return false;
    }
    connection = opened;
    return true;
  }

  /** One attempt, without waiting; the lock stays held from then on when it succeeds. */
  public synchronized boolean tryLock() throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select " + mode.tryLock + "(?)")) {
      lock.setLong(1, key);
      try (ResultSet result = lock.executeQuery()) {
        result.next();
        held = result.getBoolean(1);
        return held;
      }
    }
  }

  public synchronized boolean isHeld() {
    return held;
  }

  /** Unlocks (when held) and closes the connection. Safe to call more than once. */
  public synchronized void release() {
    if (connection == null) {
      return;
    }
    try (Connection closing = connection) {
      if (held) {
        try (PreparedStatement unlock = closing.prepareStatement("select " + mode.unlock + "(?)")) {
          unlock.setLong(1, key);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      log.warn(
          "Could not release the {} cleanly ({}); it goes when the connection closes",
          name,
          e.getMessage());
    } finally {
      connection = null;
      held = false;
    }
  }
}
