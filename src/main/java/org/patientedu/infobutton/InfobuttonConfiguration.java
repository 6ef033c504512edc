package org.patientedu.infobutton;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.patientedu.education.HandoutAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Infobutton responder's parts, and a start-up word on where its links point. */
@Configuration(proxyBeanMethods = false)
class InfobuttonConfiguration {

  private static final Logger log = LoggerFactory.getLogger(InfobuttonConfiguration.class);

  @Bean
  FeedBuilder infobuttonFeedBuilder(HandoutAddresses addresses, Clock clock) {
    return new FeedBuilder(addresses, clock);
  }

  @Bean
  MedlinePlusJsonWriter medlinePlusJsonWriter(ObjectMapper objectMapper) {
    return new MedlinePlusJsonWriter(objectMapper);
  }

  @Bean
  ClientRateLimits infobuttonRateLimits(InfobuttonProperties properties) {
    return new ClientRateLimits(properties.rateLimit());
  }

  /**
   * EHRs store the links an answer carries; they must reach this server from where clinicians and
   * patients are. Without edu.handouts.public-base-url they are built from each request's address,
   * which is right only when the EHR reaches this server directly.
   */
  @Bean
  ApplicationRunner infobuttonLinkWarning(
      HandoutAddresses addresses, InfobuttonProperties properties) {
    return args -> {
      if (addresses.configuredBase().isEmpty()) {
        log.warn(
            "edu.handouts.public-base-url is not set: Infobutton answers link to handouts at the"
                + " address each request came to. Set it to this server's public address when"
                + " EHRs reach it through a proxy or another host name.");
      }
      if (!properties.rateLimit().enabled()) {
        log.warn("Infobutton rate limiting is off (edu.infobutton.rate-limit.enabled=false)");
      }
    };
  }
}
