package org.patientedu.infobutton;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the Infobutton responder ({@code edu.infobutton.*}, env {@code EDU_INFOBUTTON_*}).
 *
 * @param maxEntriesPerCode at most this many pages per code asked (MedlinePlus Connect answers 3)
 * @param rateLimit requests allowed per client address
 * @param answerCacheSize how many bytes of encoded answers to keep for the current catalog (each
 *     distinct request is rendered once per catalog change; the least used are dropped past this)
 */
@ConfigurationProperties(prefix = "edu.infobutton")
public record InfobuttonProperties(
    @DefaultValue("3") int maxEntriesPerCode,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue("16MB") DataSize answerCacheSize) {

  /**
   * @param enabled false lets every request through (for benchmarks; never behind a public address)
   * @param requests requests one client address may make per period (MedlinePlus Connect allows 100
   *     a minute; EHR servers often call for a whole hospital from one address, so the default is
   *     generous)
   * @param period the period the requests are counted over
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("6000") int requests,
      @DefaultValue("1m") Duration period) {}

  public InfobuttonProperties {
    if (maxEntriesPerCode < 1) {
      throw new IllegalArgumentException("edu.infobutton.max-entries-per-code must be at least 1");
    }
    if (rateLimit.requests() < 1
        || rateLimit.period().isNegative()
        || rateLimit.period().isZero()) {
      throw new IllegalArgumentException(
          "edu.infobutton.rate-limit.requests and .period must be positive");
    }
  }
}
