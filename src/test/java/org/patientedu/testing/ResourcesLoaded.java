package org.patientedu.testing;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * How many resources HAPI loads at a time for the calling thread's reads while an action runs: what
 * tests of bounded, page-at-a-time reads assert on.
 */
public final class ResourcesLoaded {

  private ResourcesLoaded() {}

  /** The size of each load HAPI made on this thread during {@code action}, in order. */
  public static List<Integer> atATimeDuring(IInterceptorService interceptors, Runnable action) {
    Thread reader = Thread.currentThread();
    List<Integer> loadedAtATime = new CopyOnWriteArrayList<>();
    Object loads =
        new Object() {
          @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
          public void loading(IPreResourceAccessDetails details) {
            if (Thread.currentThread() == reader) {
              loadedAtATime.add(details.size());
            }
          }
        };
    interceptors.registerInterceptor(loads);
    try {
      action.run();
    } finally {
      interceptors.unregisterInterceptor(loads);
    }
    return loadedAtATime;
  }
}
