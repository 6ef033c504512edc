package org.patientedu.testing;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What HAPI loads for the calling thread's reads while an action runs (how many at a time, or which
 * resources): what tests of bounded, page-at-a-time or narrowed reads assert on.
 */
public final class ResourcesLoaded {

  private ResourcesLoaded() {}

  /** The size of each load HAPI made on this thread during {@code action}, in order. */
  public static List<Integer> atATimeDuring(IInterceptorService interceptors, Runnable action) {
    List<Integer> loadedAtATime = new CopyOnWriteArrayList<>();
    during(interceptors, action, details -> loadedAtATime.add(details.size()));
    return loadedAtATime;
  }

  /** Every resource HAPI loaded on this thread during {@code action}, as "Type/id". */
  public static Set<String> idsDuring(IInterceptorService interceptors, Runnable action) {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    during(
        interceptors,
        action,
        details -> {
          for (int i = 0; i < details.size(); i++) {
            ids.add(details.getResource(i).getIdElement().toUnqualifiedVersionless().getValue());
          }
        });
    return ids;
  }

  private static void during(
      IInterceptorService interceptors,
      Runnable action,
      Consumer<IPreResourceAccessDetails> onLoad) {
    Thread reader = Thread.currentThread();
    Object loads =
        new Object() {
          @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
          public void loading(IPreResourceAccessDetails details) {
            if (Thread.currentThread() == reader) {
              onLoad.accept(details);
            }
          }
        };
    interceptors.registerInterceptor(loads);
    try {
      action.run();
    } finally {
      interceptors.unregisterInterceptor(loads);
    }
  }
}
