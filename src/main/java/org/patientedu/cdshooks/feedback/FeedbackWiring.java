package org.patientedu.cdshooks.feedback;

import java.time.Clock;
import org.patientedu.fhirserver.FhirServerPlugin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The feedback ledger and its report operation. */
@Configuration(proxyBeanMethods = false)
class FeedbackWiring {

  @Bean
  FeedbackLedger feedbackLedger(JdbcTemplate jdbc, Clock clock) {
    return new FeedbackLedger(jdbc, clock);
  }

  @Bean
  FhirServerPlugin feedbackReport(FeedbackLedger ledger) {
    return server -> server.registerProvider(new FeedbackReportOperation(ledger));
  }
}
