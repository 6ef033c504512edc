package org.patientedu.infobutton;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.patientedu.education.EducationFinder;
import org.patientedu.education.HandoutAddresses;
import org.patientedu.fhirserver.NodeReadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
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
  AnswerCache infobuttonAnswerCache(InfobuttonProperties properties) {
    return new AnswerCache(properties.answerCacheSize().toBytes());
  }

  @Bean
  ClientRateLimits infobuttonRateLimits(InfobuttonProperties properties) {
    return new ClientRateLimits(properties.rateLimit());
  }

  @Bean
  ServletRegistrationBean<InfobuttonServlet> infobuttonServlet(
      InfobuttonProperties properties,
      EducationFinder finder,
      FeedBuilder feeds,
      MedlinePlusJsonWriter json,
      ClientRateLimits rateLimits,
      HandoutAddresses addresses,
      AnswerCache answers,
      NodeReadiness readiness) {
    ServletRegistrationBean<InfobuttonServlet> registration =
        new ServletRegistrationBean<>(
            new InfobuttonServlet(
                properties, finder, feeds, json, rateLimits, addresses, answers, readiness),
            "/infobutton",
            "/infobutton/service");
    registration.setName("infobutton");
    return registration;
  }

  /**
   * EHRs store and show the links an answer carries, so they are built only on the configured
   * public address, never on a request's Host header; without it every answer is a 503.
   */
  @Bean
  ApplicationRunner infobuttonLinkWarning(
      HandoutAddresses addresses, InfobuttonProperties properties) {
    return args -> {
      if (addresses.configuredBase().isEmpty()) {
        log.warn(
            "edu.handouts.public-base-url is not set: the Infobutton responder answers 503 until it"
                + " is, since its answers link to handouts and no address taken from a request is"
                + " one to give EHRs. Set it to the address clinicians and patients reach this"
                + " server at.");
      }
      if (!properties.rateLimit().enabled()) {
        log.warn("Infobutton rate limiting is off (edu.infobutton.rate-limit.enabled=false)");
      }
    };
  }
}
