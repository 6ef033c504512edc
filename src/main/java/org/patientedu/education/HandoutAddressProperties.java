package org.patientedu.education;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where patients and EHRs reach the handouts ({@code edu.handouts.*}).
 *
 * @param publicBaseUrl the public address of this server (e.g. https://education.example.org),
 *     printed under a handout's QR code and used for every absolute link an EHR receives; empty
 *     means each request's own address
 */
@ConfigurationProperties(prefix = "edu.handouts")
public record HandoutAddressProperties(@DefaultValue("") String publicBaseUrl) {}
