package org.patientedu.fhirserver;

import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Tells the request's {@link RequestDeadline} which statement it is running, so that the statement
 * can be cancelled when the deadline passes, and refuses a statement whose request is already out
 * of time. Built on datasource-proxy (which HAPI itself depends on): JDBC has no hook of its own
 * around statement execution.
 */
final class DeadlineStatements implements QueryExecutionListener {

  private DeadlineStatements() {}

  /** The data source as HAPI's store uses it: every statement watched by its request's deadline. */
  static DataSource watching(DataSource dataSource) {
    return ProxyDataSourceBuilder.create("request-deadline", dataSource)
        .listener(new DeadlineStatements())
        .build();
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    RequestDeadline deadline = RequestDeadline.current();
    if (deadline != null) {
      deadline.statementStarting(execution.getStatement());
    }
  }

  @Override
  public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
    RequestDeadline deadline = RequestDeadline.current();
    if (deadline != null) {
      deadline.statementEnded();
    }
  }
}
