package org.patientedu.fhirserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;

/** Liveness and readiness for orchestrators and load balancers. */
class HealthIT extends RunningServerTest {

  @Test
  void reportsLiveAndReady() {
    for (String probe :
        new String[] {
          "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"
        }) {
      HttpResponse<String> response = get(probe);
      assertThat(response.statusCode()).as(probe).isEqualTo(200);
      assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
    }
  }
}
