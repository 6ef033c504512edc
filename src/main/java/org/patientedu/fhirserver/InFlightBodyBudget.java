package org.patientedu.fhirserver;

import java.util.concurrent.Semaphore;

/**
 * Bytes of request bodies held in memory at once, all requests together. HAPI parses a body from
 * memory, so each body is read whole; this bounds the sum, so that many slow large uploads cannot
 * fill the heap (sixty 10 MB uploads did). A body that does not fit is refused at once (503), not
 * queued: waiting would hold its connection and bytes as well. {@link RequestBodyLimitFilter}
 * reserves a body's declared length before reading it, so a slow upload holds its share from its
 * headers on.
 */
final class InFlightBodyBudget {

  private final Semaphore bytes;
  private final int total;

  InFlightBodyBudget(long totalBytes) {
    this.total = (int) Math.min(totalBytes, Integer.MAX_VALUE);
    this.bytes = new Semaphore(total);
  }

  boolean tryReserve(long size) {
    return size <= total && bytes.tryAcquire((int) size);
  }

  void release(long size) {
    bytes.release((int) size);
  }

  long available() {
    return bytes.availablePermits();
  }
}
