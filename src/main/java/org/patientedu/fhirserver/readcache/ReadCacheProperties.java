package org.patientedu.fhirserver.readcache;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The read and search caches ({@code edu.read-cache.*}).
 *
 * @param enabled answer plain reads from the cache; off, every read goes to HAPI
 * @param maxSize how many encoded bytes the read cache may hold
 * @param searches answer repeated anonymous catalog searches from the search cache; off, every
 *     search goes to HAPI
 * @param searchMaxSize how many encoded bytes the search cache may hold
 * @param searchMaxAge how long a search answer is kept at most; must stay well under the hour HAPI
 *     keeps a search's result set, which the answer's {@code next} links name
 * @param settle how long nothing a search answer or a handout page reads must have changed before
 *     the answer is kept: the full-text index takes a change a moment after the database commits it
 *     (on OpenSearch, up to its refresh interval, 1 s by default); at least 1 s
 * @param parsedMaxSize how much stored text (as HAPI stores it) the parses that search answers
 *     reuse may stand for; the parses themselves take a few times as much heap; {@code 0} parses
 *     every stored version every time
 * @param frontDoor answer anonymous repeats (no credentials, no cookie, no Origin) from these
 *     caches and the handout pages' before the security chain and the other filters run; off, every
 *     request passes through them first
 */
@ConfigurationProperties(prefix = "edu.read-cache")
record ReadCacheProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("64MB") DataSize maxSize,
    @DefaultValue("true") boolean searches,
    @DefaultValue("32MB") DataSize searchMaxSize,
    @DefaultValue("10m") Duration searchMaxAge,
    @DefaultValue("5s") Duration settle,
    @DefaultValue("4MB") DataSize parsedMaxSize,
    @DefaultValue("true") boolean frontDoor) {}
