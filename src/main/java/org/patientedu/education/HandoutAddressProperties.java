package org.patientedu.education;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one setting of {@code edu.handouts.*} that the EHR-facing edges need (the handouts read the
 * same key for their QR code, see handouts.HandoutsProperties).
 *
 * @param publicBaseUrl the address clinicians and patients reach this server at (e.g.
 *     https://education.example.org); empty: no links can be given
 */
@ConfigurationProperties(prefix = "edu.handouts")
public record HandoutAddressProperties(String publicBaseUrl) {}
