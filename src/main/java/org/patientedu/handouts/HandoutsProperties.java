package org.patientedu.handouts;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The handout pages ({@code edu.handouts.*}).
 *
 * @param publicBaseUrl the address patients reach this server at (e.g.
 *     https://education.example.org): printed under the QR code. Empty: no QR code and no address
 *     are printed, since the address a request came in on (localhost, an internal name, a forged
 *     Host header) is no address for a patient.
 * @param approvedOnly show only approved material (active pages) in the catalog, and refuse to
 *     print anything else, for wards that must never hand out a draft
 */
@ConfigurationProperties(prefix = "edu.handouts")
record HandoutsProperties(String publicBaseUrl, boolean approvedOnly) {

  HandoutsProperties {
    publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip();
    while (publicBaseUrl.endsWith("/")) {
      publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
    }
  }

  boolean hasPublicBaseUrl() {
    return !publicBaseUrl.isEmpty();
  }
}
