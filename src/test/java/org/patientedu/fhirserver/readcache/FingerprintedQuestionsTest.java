package org.patientedu.fhirserver.readcache;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FingerprintedQuestionsTest {

  @Test
  void aSettleTimeShorterThanAnIndexRefreshIsRefused() {
    assertThatThrownBy(() -> new FingerprintedQuestions(null, Duration.ofMillis(500)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "edu.read-cache.settle (PT0.5S) must be at least PT1S: a full-text index may take"
                + " that long to show a change");
  }
}
