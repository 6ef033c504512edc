package org.patientedu.infobutton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Requests per client address, as MedlinePlus Connect limits them: one Resilience4j rate limiter
 * per address (so many requests per period, refilled each period), kept in a bounded cache so a
 * flood of addresses cannot grow memory without end. A refused request learns how many seconds to
 * wait (429, Retry-After).
 */
class ClientRateLimits {

  private final boolean enabled;
  private final RateLimiterConfig config;
  private final Cache<String, RateLimiter> limiters;

  ClientRateLimits(InfobuttonProperties.RateLimit settings) {
    this.enabled = settings.enabled();
    this.config =
        RateLimiterConfig.custom()
            .limitForPeriod(settings.requests())
            .limitRefreshPeriod(settings.period())
            .timeoutDuration(Duration.ZERO) // refuse at once, never hold a request thread
            .build();
    this.limiters =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(settings.period().multipliedBy(2))
            .build();
  }

  /** Empty when the request may go ahead, else the seconds until the client may try again. */
  OptionalLong secondsToWait(String clientAddress) {
    if (!enabled) {
      return OptionalLong.empty();
    }
    RateLimiter limiter = limiters.get(clientAddress, address -> RateLimiter.of(address, config));
    if (limiter.acquirePermission()) {
      return OptionalLong.empty();
    }
    long nanos =
        limiter instanceof AtomicRateLimiter atomic
            ? atomic.getDetailedMetrics().getNanosToWait()
            : config.getLimitRefreshPeriod().toNanos();
    return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }
}
