package org.patientedu.review;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Before the content pack loads: a store that holds no Library or DocumentReference has no review
 * state that could be wrong, so it is recorded as refreshed today. The pack's first load then
 * stores pages stamped as of today, and the refresh after it ({@link ReviewStatusRefresher}) finds
 * nothing to read.
 */
@Component
@Order(-2) // after the guide's definitions install, before the pack loads (Order 0)
class EmptyStoreRecord implements ApplicationRunner {

  private final RefreshRecord record;
  private final Clock clock;

  EmptyStoreRecord(RefreshRecord record, Clock clock) {
    this.record = record;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (record.storeEmpty()) {
      record.record(LocalDate.now(clock));
    }
  }
}
