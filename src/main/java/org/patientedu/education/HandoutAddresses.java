package org.patientedu.education;

import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The absolute addresses of a handout (its page, in a reader's language, and its PDF), built on
 * {@code edu.handouts.public-base-url}. Never on the address a request came in on: a Host header
 * can be anything (an internal name, localhost, a forged one), and EHRs store and show these links.
 * Unset, there are no addresses; the edges that need them say so.
 */
public class HandoutAddresses {

  /** Where the handouts live on this server (handouts.HandoutController serves them). */
  public static final String HANDOUTS_PATH = "/handouts/";

  /** The handout page's reader-language parameter (handouts.ReaderLanguage). */
  private static final String LANGUAGE_PARAMETER = "lang";

  /**
   * The chart references a handout link from a CDS Hooks card carries, ids only (what a record made
   * from the page names comes from its signed ticket, not from these).
   */
  public static final String PATIENT_PARAMETER = "patient";

  public static final String ENCOUNTER_PARAMETER = "encounter";

  /** The record-as-given ticket a handout link from a CDS Hooks card carries (educationgiven). */
  public static final String TICKET_PARAMETER = "ticket";

  /** Where a handout's "Record as given" form posts, after the handout's own path. */
  public static final String RECORD_GIVEN_SUFFIX = "/record-given";

  private final String publicBaseUrl;

  HandoutAddresses(HandoutAddressProperties properties) {
    String configured =
        properties.publicBaseUrl() == null ? "" : properties.publicBaseUrl().strip();
    while (configured.endsWith("/")) {
      configured = configured.substring(0, configured.length() - 1);
    }
    this.publicBaseUrl = configured;
  }

  /** The configured public address, without a trailing slash; empty when none is set. */
  public Optional<String> configuredBase() {
    return publicBaseUrl.isEmpty() ? Optional.empty() : Optional.of(publicBaseUrl);
  }

  /**
   * The handout page, shown to a reader of this language (a primary subtag such as "es"), or in the
   * page's own language when null.
   *
   * @throws IllegalStateException when no public address is set (check {@link #configuredBase()})
   */
  public String page(String id, String readerLanguage) {
    String page = base() + HANDOUTS_PATH + id;
    return readerLanguage == null ? page : page + "?" + LANGUAGE_PARAMETER + "=" + readerLanguage;
  }

  /**
   * The handout page opened from an EHR's card: with the chart's patient and encounter references
   * (ids only, never names) so the nurse can record it as given there.
   *
   * @param encounter null when the card knows no encounter
   * @param ticket the record-as-given ticket; null when the card has none
   * @throws IllegalStateException when no public address is set
   */
  public String pageForChart(
      String id, String readerLanguage, String patient, String encounter, String ticket) {
    UriComponentsBuilder link =
        UriComponentsBuilder.fromUriString(base() + HANDOUTS_PATH + id)
            .queryParam(PATIENT_PARAMETER, patient);
    if (encounter != null) {
      link.queryParam(ENCOUNTER_PARAMETER, encounter);
    }
    if (ticket != null) {
      link.queryParam(TICKET_PARAMETER, ticket);
    }
    if (readerLanguage != null) {
      link.queryParam(LANGUAGE_PARAMETER, readerLanguage);
    }
    return link.encode().build().toUriString();
  }

  /**
   * Where the handout's "Record as given" form posts (the audience of its tickets).
   *
   * @throws IllegalStateException when no public address is set
   */
  public String recordGiven(String id) {
    return base() + HANDOUTS_PATH + id + RECORD_GIVEN_SUFFIX;
  }

  /**
   * @throws IllegalStateException when no public address is set
   */
  public String pdf(String id) {
    return base() + HANDOUTS_PATH + id + ".pdf";
  }

  /**
   * @throws IllegalStateException when no public address is set
   */
  public String base() {
    if (publicBaseUrl.isEmpty()) {
      throw new IllegalStateException("edu.handouts.public-base-url is not set");
    }
    return publicBaseUrl;
  }
}
