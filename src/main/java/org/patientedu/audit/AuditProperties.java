package org.patientedu.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail ({@code edu.audit.*}, env {@code EDU_AUDIT_...}).
 *
 * @param recordCatalogReads also store an AuditEvent for each read or search of the public catalog
 *     (by default they are only counted: one row per public read would swamp the store)
 */
@ConfigurationProperties(prefix = "edu.audit")
public record AuditProperties(@DefaultValue("false") boolean recordCatalogReads) {}
