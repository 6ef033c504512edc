package org.patientedu.fhirserver;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every FHIR request its {@link RequestDeadline} ({@code edu.limits.request-deadline}),
 * counted from when its body has been read, and a watchdog that expires the deadlines that are due.
 * One watchdog thread looks at the requests in progress four times a second rather than one timer
 * per request: cheaper at thousands of requests a second, and a quarter second late at most.
 * Servlet threads cannot be stopped safely; what is stopped is the database work, where a request's
 * time goes.
 */
class RequestDeadlineFilter extends OncePerRequestFilter {

  static final Duration WATCH_INTERVAL = Duration.ofMillis(250);

  private final Duration allowed;
  private final Set<RequestDeadline> inProgress = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService watchdog;

  RequestDeadlineFilter(Duration allowed) {
    this.allowed = allowed;
    this.watchdog =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "request-deadline-watchdog");
              thread.setDaemon(true);
              return thread;
            });
    if (isOn()) {
      long every = WATCH_INTERVAL.toMillis();
      watchdog.scheduleWithFixedDelay(this::expireDue, every, every, TimeUnit.MILLISECONDS);
    }
  }

  private boolean isOn() {
    return !allowed.isZero() && !allowed.isNegative();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!isOn()) {
      chain.doFilter(request, response);
      return;
    }
    RequestDeadline deadline = RequestDeadline.start(allowed);
    inProgress.add(deadline);
    try {
      chain.doFilter(request, response);
    } finally {
      inProgress.remove(deadline);
      deadline.end();
    }
  }

  private void expireDue() {
    long now = System.nanoTime();
    for (RequestDeadline deadline : inProgress) {
      if (deadline.isDue(now)) {
        deadline.expire();
      }
    }
  }

  @Override
  public void destroy() {
    watchdog.shutdownNow();
  }
}
