package org.patientedu.fhirserver.readcache;

import java.util.function.Supplier;
import org.patientedu.fhirserver.LocalCommits;

/**
 * A {@link SharedQuery} whose last answer is given again for as long as this node has committed
 * nothing since that query started, on a node that is its database's only writer ({@link
 * LocalCommits}): there, nothing else can have changed what it read. On nodes sharing a database
 * every call asks, as a plain {@link SharedQuery} does.
 */
final class UntilNextCommit<T> {

  private record Stamped<T>(long commits, T value) {}

  private final SharedQuery<T> query;
  private final LocalCommits commits;
  private volatile Stamped<T> last;

  UntilNextCommit(Supplier<T> query, LocalCommits commits) {
    this.query = new SharedQuery<>(query);
    this.commits = commits;
  }

  T get() {
    if (!commits.soleWriter()) {
      return query.get();
    }
    // Read before asking: the shared query that answers started after this, so its answer holds
    // every write committed so far, and stays true until the count moves.
    long now = commits.count();
    Stamped<T> remembered = last;
    if (remembered != null && remembered.commits() == now) {
      return remembered.value();
    }
    T value = query.get();
    last = new Stamped<>(now, value);
    return value;
  }
}
