package org.patientedu.education;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute addresses of a handout (its page and its PDF): built from {@code
 * edu.handouts.public-base-url} when it is set, else from the address the request came to (what
 * Tomcat sees: correct when clients reach this server directly; behind a proxy, set the setting or
 * Spring's {@code server.forward-headers-strategy}).
 */
public class HandoutAddresses {

  /** Where the handouts live on this server (handouts.HandoutController serves them). */
  public static final String HANDOUTS_PATH = "/handouts/";

  private final String publicBaseUrl;

  HandoutAddresses(HandoutAddressProperties properties) {
    String configured =
        properties.publicBaseUrl() == null ? "" : properties.publicBaseUrl().strip();
    this.publicBaseUrl =
        configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
  }

  /** The configured public address, empty when links follow each request's address. */
  public Optional<String> configuredBase() {
    return publicBaseUrl.isEmpty() ? Optional.empty() : Optional.of(publicBaseUrl);
  }

  public String page(String id, HttpServletRequest request) {
    return base(request) + HANDOUTS_PATH + id;
  }

  public String pdf(String id, HttpServletRequest request) {
    return page(id, request) + ".pdf";
  }

  /** This server's public address, without a trailing slash. */
  public String base(HttpServletRequest request) {
    return publicBaseUrl.isEmpty()
        ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
        : publicBaseUrl;
  }
}
