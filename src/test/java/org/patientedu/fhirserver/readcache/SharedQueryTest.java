package org.patientedu.fhirserver.readcache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Callers asking together share a query, but never one that started before they asked: that one may
 * have read the database before their write committed.
 */
class SharedQueryTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void callersArrivingDuringAQueryShareTheNextOneNotTheRunningOne() throws Exception {
    AtomicInteger queries = new AtomicInteger();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    SharedQuery<Integer> shared =
        new SharedQuery<>(
            () -> {
              int number = queries.incrementAndGet();
              if (number == 1) {
                firstStarted.countDown();
                await(releaseFirst);
              }
              return number;
            });

    Future<Integer> early = threads.submit(shared::get);
    assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
    // Asked while query 1 runs: it may predate their writes, so they wait for query 2.
    List<Future<Integer>> late = List.of(threads.submit(shared::get), threads.submit(shared::get));
    waitUntilWaiting(shared, 2);
    releaseFirst.countDown();

    assertThat(early.get(10, TimeUnit.SECONDS)).isEqualTo(1);
    for (Future<Integer> caller : late) {
      assertThat(caller.get(10, TimeUnit.SECONDS))
          .as("a query started after it asked")
          .isEqualTo(2);
    }
    assertThat(queries).as("the two late callers shared one query").hasValue(2);
    assertThat(shared.get()).as("a caller alone runs its own").isEqualTo(3);
  }

  @Test
  void aFailureReachesItsCallersAndTheNextCallerAsksAgain() {
    AtomicInteger queries = new AtomicInteger();
    SharedQuery<Integer> shared =
        new SharedQuery<>(
            () -> {
              if (queries.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
              }
              return 42;
            });
    assertThatThrownBy(shared::get).hasMessage("database down");
    assertThat(shared.get()).isEqualTo(42);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Until that many callers wait in the shared query's monitor (Object.wait inside get()). */
  private static void waitUntilWaiting(SharedQuery<Integer> shared, int callers)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (waitingIn(shared) < callers && System.nanoTime() < until) {
      Thread.sleep(10);
    }
  }

  private static long waitingIn(SharedQuery<Integer> shared) {
    return Thread.getAllStackTraces().values().stream()
        .filter(
            stack ->
                stack.length > 1
                    && stack[0].getClassName().equals(Object.class.getName())
                    && stack[0].getMethodName().startsWith("wait")
                    && List.of(stack).stream()
                        .anyMatch(f -> f.getClassName().equals(SharedQuery.class.getName())))
        .count();
  }
}
