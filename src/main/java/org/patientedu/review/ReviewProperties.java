package org.patientedu.review;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The review policy ({@code edu.review.*}).
 *
 * @param intervalMonths a page is due for review this many months after its last review
 * @param dueSoonDays a page is "due soon" this many days before its due date
 * @param today fixes "today" (demos, tests); empty means the real date
 * @param refreshCron when stored review states are recomputed (default: just after midnight)
 */
@ConfigurationProperties(prefix = "edu.review")
public record ReviewProperties(
    @DefaultValue("24") int intervalMonths,
    @DefaultValue("60") int dueSoonDays,
    LocalDate today,
    @DefaultValue("0 5 0 * * *") String refreshCron) {}
