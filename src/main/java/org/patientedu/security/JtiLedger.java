package org.patientedu.security;

import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code jti} of every signed JWT accepted (SMART client assertions, CDS Hooks calls), kept
 * until the JWT expires, so that a captured one cannot be replayed. In the shared database, so a
 * replay is caught whichever node it is sent to, and after a restart.
 */
public class JtiLedger implements InitializingBean {

  private static final String TABLE =
      "create table if not exists EDU_CLIENT_ASSERTION_JTI ("
          + "CLIENT_ID varchar(255) not null, JTI varchar(255) not null, "
          + "EXPIRES_AT bigint not null, primary key (CLIENT_ID, JTI))";

  private final JdbcTemplate jdbc;
  // Real time, like the assertions' own timestamps (not the application's clock, which a demo or a
  // test may set to another day).
  private final Clock clock = Clock.systemUTC();

  public JtiLedger(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void afterPropertiesSet() {
    jdbc.execute(TABLE);
  }

  /**
   * Records the JWT's {@code jti}; false when this client (a SMART client id, or a CDS Hooks issuer
   * with its own prefix) has used it before. Expired entries go first: a {@code jti} is remembered
   * as long as its JWT could be accepted.
   */
  public boolean firstUse(String clientId, String jti, Instant expiresAt) {
    jdbc.update(
        "delete from EDU_CLIENT_ASSERTION_JTI where EXPIRES_AT < ?",
        Instant.now(clock).getEpochSecond());
    try {
      jdbc.update(
          "insert into EDU_CLIENT_ASSERTION_JTI (CLIENT_ID, JTI, EXPIRES_AT) values (?, ?, ?)",
          clientId,
          jti,
          expiresAt.getEpochSecond());
      return true;
    } catch (DuplicateKeyException replayed) {
      return false;
    }
  }
}
