package org.patientedu.fhirserver.readcache;

import java.util.function.Supplier;

/**
 * One query shared by the callers that ask at the same time, without ever handing a caller a result
 * older than its question: a caller takes the result of a query that <em>started after it
 * asked</em> (so it sees every write committed before it asked, exactly as a query of its own
 * would), and at most one query runs at a time. Under load, one query answers every caller that
 * arrived while the previous one ran, instead of each taking a pooled connection for the same
 * answer. A failure is shared the same way (a database that is down is reported once per round, not
 * once per caller in a queue).
 *
 * <p>Written here rather than taken from a library: Caffeine's and Guava's loaders share a load
 * that is already running, which may have read the database before a caller's write committed.
 */
final class SharedQuery<T> {

  private final Supplier<T> query;

  // All guarded by this.
  private long started;
  private boolean running;
  private long finished;
  private T latest;
  private RuntimeException latestFailure;

  SharedQuery(Supplier<T> query) {
    this.query = query;
  }

  T get() {
    long mine;
    synchronized (this) {
      long asked = started;
      while (true) {
        if (finished > asked) {
          return result();
        }
        if (!running) {
          running = true;
          mine = ++started;
          break;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          mine = 0; // asked to stop waiting: ask alone, outside the round
          break;
        }
      }
    }
    if (mine == 0) {
      return query.get();
    }
    T value = null;
    RuntimeException failure = null;
    boolean answered = false;
    try {
      value = query.get();
      answered = true;
    } catch (RuntimeException e) {
      failure = e;
      answered = true;
    } finally {
      synchronized (this) {
        running = false;
        if (answered) {
          finished = mine;
          latest = value;
          latestFailure = failure;
        }
        notifyAll();
      }
    }
    if (failure != null) {
      throw failure;
    }
    return value;
  }

  private T result() {
    if (latestFailure != null) {
      throw latestFailure;
    }
    return latest;
  }
}
