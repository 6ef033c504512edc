package org.patientedu.review;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The review policy and the clock it reads "today" from. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReviewConfiguration {

  @Bean
  Clock clock(ReviewProperties properties) {
    ZoneId zone = ZoneId.systemDefault();
    return properties.today() == null
        ? Clock.system(zone)
        : Clock.fixed(properties.today().atStartOfDay(zone).toInstant(), zone);
  }

  @Bean
  ReviewPolicy reviewPolicy(ReviewProperties properties) {
    return new ReviewPolicy(properties.intervalMonths(), properties.dueSoonDays());
  }
}
