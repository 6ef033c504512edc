package org.patientedu.fhirserver;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Every connection the pool opens carries a statement timeout ({@code
 * edu.limits.statement-timeout}), set in the database's own words, so the database itself cancels a
 * statement that runs too long, whoever issued it (HAPI's searches, Hibernate, our own queries). A
 * cancelled statement becomes a 503 ({@link FailureAnswers}). A connection initialisation SQL
 * already configured ({@code spring.datasource.hikari.connection-init-sql}) is left alone.
 */
final class StatementTimeout implements BeanPostProcessor {

  private final Supplier<Duration> timeout;

  StatementTimeout(Supplier<Duration> timeout) {
    this.timeout = timeout;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HikariDataSource pool && pool.getConnectionInitSql() == null) {
      String sql = initSql(pool.getJdbcUrl(), timeout.get());
      if (sql != null) {
        pool.setConnectionInitSql(sql);
      }
    }
    return bean;
  }

  static String initSql(String jdbcUrl, Duration timeout) {
    long millis = timeout.toMillis();
    if (jdbcUrl == null || millis <= 0) {
      return null;
    }
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      return "SET QUERY_TIMEOUT " + millis;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return "SET statement_timeout = " + millis;
    }
    return null;
  }
}
