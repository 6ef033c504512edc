package org.patientedu.fhirserver;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one request, and all requests together, may ask of the server ({@code edu.limits.*}, env
 * {@code EDU_LIMITS_*}). Each limit answers with a 4xx or 503 and an OperationOutcome that names
 * it; see README, "What the server withstands".
 *
 * @param maxSearchParameters search parameters (values, counting each repeat) one search may carry;
 *     every one more is a join the database planner must weigh, and a few hundred kept a core busy
 *     for minutes
 * @param maxOffset largest {@code _offset}; catalog searches page by offset ({@link OffsetPaging}),
 *     so this is also how deep one catalog search pages: ten times the 10,000-page catalog, where
 *     the last page cost what the first did; other searches page deeper through their paging links
 * @param statementTimeout longest any one database statement may run before the database cancels it
 *     (the client gets 503)
 * @param requestDeadline longest one FHIR request may take once its body is read; when it passes,
 *     the database statement the request is running is cancelled, later ones are refused, and the
 *     client gets 503 ({@code 0} turns it off)
 * @param inFlightBodies request bodies held in memory at once, all requests together; a body that
 *     does not fit waits for no one and gets 503 with {@code Retry-After}
 * @param maxConcurrentWrites writes (create, update, patch, delete, transactions, operations) being
 *     processed at once; more get 503 with {@code Retry-After}
 */
@ConfigurationProperties(prefix = "edu.limits")
public record RequestLimitsProperties(
    @DefaultValue("30") int maxSearchParameters,
    @DefaultValue("100000") int maxOffset,
    @DefaultValue("30s") Duration statementTimeout,
    @DefaultValue("60s") Duration requestDeadline,
    @DefaultValue("64MB") DataSize inFlightBodies,
    @DefaultValue("4") int maxConcurrentWrites) {}
