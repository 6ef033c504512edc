package org.patientedu.cdshooks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the CDS Hooks services ({@code edu.cds-hooks.*}, env {@code EDU_CDS_HOOKS_*}).
 *
 * @param clients the EHRs allowed to call, by the issuer ({@code iss}) of their JWTs; an issuer
 *     that is a URL goes in brackets: {@code
 *     edu.cds-hooks.clients[https://ehr.example.org].jwks-url}
 * @param allowUnsigned development only: accept hook calls without a JWT (warned at start-up)
 * @param maxCards at most this many cards per hook call, best first
 * @param recordTicketLifetime how long the record-as-given ticket of a card's handout link is valid
 *     (the nurse records the handout as given from the page within this time)
 */
@ConfigurationProperties(prefix = "edu.cds-hooks")
public record CdsHooksProperties(
    @DefaultValue Map<String, Client> clients,
    @DefaultValue("false") boolean allowUnsigned,
    @DefaultValue("3") int maxCards,
    @DefaultValue("12h") Duration recordTicketLifetime) {

  /**
   * One EHR: exactly one of its JWKS inline, in a file, or at a URL.
   *
   * @param jwks its JWKS, inline JSON
   * @param jwksFile a file holding its JWKS
   * @param jwksUrl where it publishes its JWKS
   */
  public record Client(String jwks, Path jwksFile, URI jwksUrl) {}

  public CdsHooksProperties {
    if (maxCards < 1) {
      throw new IllegalArgumentException("edu.cds-hooks.max-cards must be at least 1");
    }
    if (recordTicketLifetime.isNegative() || recordTicketLifetime.isZero()) {
      throw new IllegalArgumentException(
          "edu.cds-hooks.record-ticket-lifetime must be longer than zero");
    }
  }
}
