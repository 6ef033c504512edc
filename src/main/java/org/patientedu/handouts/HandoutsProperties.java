package org.patientedu.handouts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The handout pages ({@code edu.handouts.*}).
 *
 * @param publicBaseUrl the address printed under the QR code (set it behind a proxy); empty means
 *     the address of the request
 */
@ConfigurationProperties(prefix = "edu.handouts")
record HandoutsProperties(@DefaultValue("") String publicBaseUrl) {

  /** Without a trailing slash, so a path can be appended. */
  String publicBaseUrlWithoutSlash() {
    return publicBaseUrl.endsWith("/")
        ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
  }
}
