package org.patientedu.fhirserver;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Says at start-up which database the server is using (never the credentials). */
@Component
@Order(-1)
class DatabaseInUseLogger implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DatabaseInUseLogger.class);
  private final DataSource dataSource;

  DatabaseInUseLogger(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void run(ApplicationArguments args) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      log.info(
          "Database in use: {} {} at {}",
          meta.getDatabaseProductName(),
          meta.getDatabaseProductVersion(),
          withoutCredentials(meta.getURL()));
    }
  }

  static String withoutCredentials(String jdbcUrl) {
    return jdbcUrl == null ? "?" : jdbcUrl.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
  }
}
