package org.patientedu.handouts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The handout pages ({@code edu.handouts.*}).
 *
 * @param publicBaseUrl the address patients reach this server at (e.g.
 *     https://education.example.org): printed under the QR code. Empty: no QR code and no address
 *     are printed, since the address a request came in on (localhost, an internal name, a forged
 *     Host header) is no address for a patient.
 * @param approvedOnly show only approved material (active pages) in the catalog, and refuse to
 *     print anything else, for wards that must never hand out a draft
 * @param catalogPageSize how many handouts one catalog page lists
 * @param pageCacheEnabled answer repeated anonymous requests for the catalog and handout pages with
 *     the bytes rendered before, while nothing they show changed; off, every page is rendered
 * @param pageCacheMaxSize how many bytes of rendered pages the page cache may hold
 */
@ConfigurationProperties(prefix = "edu.handouts")
record HandoutsProperties(
    String publicBaseUrl,
    boolean approvedOnly,
    @DefaultValue("50") int catalogPageSize,
    @DefaultValue("true") boolean pageCacheEnabled,
    @DefaultValue("16MB") DataSize pageCacheMaxSize) {

  HandoutsProperties {
    publicBaseUrl = publicBaseUrl == null ? "" : publicBaseUrl.strip();
    if (catalogPageSize < 1) {
      throw new IllegalArgumentException(
          "edu.handouts.catalog-page-size must be at least 1, not " + catalogPageSize);
    }
    while (publicBaseUrl.endsWith("/")) {
      publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
    }
  }

  boolean hasPublicBaseUrl() {
    return !publicBaseUrl.isEmpty();
  }
}
