package org.patientedu.fhirserver.readcache;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The read cache ({@code edu.read-cache.*}).
 *
 * @param enabled answer plain reads from the cache; off, every read goes to HAPI
 * @param maxSize how many encoded bytes the cache may hold
 */
@ConfigurationProperties(prefix = "edu.read-cache")
record ReadCacheProperties(
    @DefaultValue("true") boolean enabled, @DefaultValue("64MB") DataSize maxSize) {}
