package org.patientedu.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests set: "today" is fixed, and can be moved to show what time does to content. */
public final class SettableClock extends Clock {

  private volatile Instant now;

  public SettableClock(LocalDate today) {
    setToday(today);
  }

  public void setToday(LocalDate today) {
    now = today.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }
}
