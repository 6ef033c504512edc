package org.patientedu.fhirserver;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;

/**
 * Nodes sharing one PostgreSQL take turns starting up. Start-up writes to the shared database in
 * several places we do not own (Hibernate's schema update, HAPI filling its resource-type table) as
 * well as ours (search parameters, the content pack); two nodes doing that at the same moment
 * collide on unique keys. So the first node to get its DataSource takes a PostgreSQL advisory lock
 * and holds it until it is ready for traffic; the next waits, then finds the work done.
 *
 * <p>The lock is an {@link AdvisoryLock}: if a node dies mid-start, PostgreSQL drops it. A node
 * that waits longer than {@code edu.node-startup-wait} starts anyway (our own start-up writes retry
 * on conflicts). H2 in file mode admits one process only, so there the lock is not taken.
 */
public final class NodeStartupLock
    implements BeanPostProcessor, ApplicationListener<SpringApplicationEvent>, DisposableBean {

  /** Any fixed number, the same on every node: advisory locks are keyed by a bigint. */
  static final long LOCK_KEY = 0x70617469656e7445L; // "patientE"

  private static final Logger log = LoggerFactory.getLogger(NodeStartupLock.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Supplier<Duration> maxWait;
  private final AdvisoryLock lock =
      new AdvisoryLock(LOCK_KEY, AdvisoryLock.Mode.EXCLUSIVE, "start-up lock");
  private boolean tried;

  public NodeStartupLock(Duration maxWait) {
    this(() -> maxWait);
  }

  /**
   * @param maxWait read when the DataSource appears, by when the settings are bound (this runs as a
   *     BeanPostProcessor, before most beans exist)
   */
  NodeStartupLock(Supplier<Duration> maxWait) {
    this.maxWait = maxWait;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !tried) {
      tried = true;
      acquire(dataSource);
    }
    return bean;
  }

  /** Blocks until this node holds the lock, or the wait runs out. Returns whether it holds it. */
  synchronized boolean acquire(DataSource dataSource) {
    try {
      if (!lock.connect(dataSource)) {
        return false;
      }
      Duration wait = maxWait.get();
      Instant deadline = Instant.now().plus(wait);
      boolean announced = false;
      while (!lock.tryLock()) {
        if (!announced) {
          log.info(
              "Another node is starting on this database; waiting up to {} for it to finish", wait);
          announced = true;
        }
        if (Instant.now().isAfter(deadline)) {
          log.warn("Still waiting for another node after {}; starting anyway", wait);
          lock.release();
          return false;
        }
        Thread.sleep(POLL.toMillis());
      }
      return true;
    } catch (SQLException e) {
      lock.release();
      throw new IllegalStateException(
          "Could not take the start-up lock on the database: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      lock.release();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for another node to start", e);
    }
  }

  /** Lets the next node start. Safe to call more than once. */
  void release() {
    lock.release();
  }

  boolean holdsLock() {
    return lock.isHeld();
  }

  @Override
  public void onApplicationEvent(SpringApplicationEvent event) {
    if (event instanceof ApplicationReadyEvent || event instanceof ApplicationFailedEvent) {
      release();
    }
  }

  @Override
  public void destroy() {
    release();
  }
}
