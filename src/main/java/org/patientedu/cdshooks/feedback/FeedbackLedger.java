package org.patientedu.cdshooks.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cards issued (which page, at which version, by which service) and the feedback on them, in
 * the shared database: feedback names only a card's uuid, so the card must be remembered to count
 * it against its page; every node sees every card.
 */
public class FeedbackLedger implements InitializingBean {

  private static final String CARDS =
      "create table if not exists EDU_CDS_CARD (CARD_UUID varchar(64) not null primary key, "
          + "SERVICE_ID varchar(100) not null, PAGE_ID varchar(64) not null, "
          + "PAGE_VERSION bigint not null, ISSUED_AT bigint not null)";
  private static final String FEEDBACK =
      "create table if not exists EDU_CDS_FEEDBACK (FEEDBACK_ID varchar(64) not null primary key, "
          + "CARD_UUID varchar(64) not null, SERVICE_ID varchar(100) not null, "
          + "OUTCOME varchar(20) not null, OVERRIDE_SYSTEM varchar(255), OVERRIDE_CODE varchar(100), "
          + "OVERRIDE_DISPLAY varchar(255), USER_COMMENT varchar(2000), "
          + "ACCEPTED_SUGGESTIONS varchar(2000), OUTCOME_TIMESTAMP varchar(64) not null, "
          + "RECEIVED_AT bigint not null)";

  /** A card as issued. */
  public record IssuedCard(String uuid, String pageId, long pageVersion) {}

  /**
   * One feedback entry (CDS Hooks 2.0): accepted (with the suggestions accepted) or overridden
   * (with an optional reason and comment).
   */
  public record Feedback(
      String card,
      String outcome,
      List<String> acceptedSuggestions,
      String overrideSystem,
      String overrideCode,
      String overrideDisplay,
      String userComment,
      String outcomeTimestamp) {}

  /** One page's counts. */
  public record PageCounts(
      String pageId,
      long shown,
      long accepted,
      long overridden,
      Map<String, Long> overrideReasons) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public FeedbackLedger(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    jdbc.execute(CARDS);
    jdbc.execute(FEEDBACK);
  }

  public void cardsIssued(String serviceId, List<IssuedCard> cards) {
    long now = Instant.now(clock).toEpochMilli();
    jdbc.batchUpdate(
        "insert into EDU_CDS_CARD (CARD_UUID, SERVICE_ID, PAGE_ID, PAGE_VERSION, ISSUED_AT)"
            + " values (?, ?, ?, ?, ?)",
        cards.stream()
            .map(c -> new Object[] {c.uuid(), serviceId, c.pageId(), c.pageVersion(), now})
            .toList());
  }

  /** The page a card of this service offered; empty when this service issued no such card. */
  public Optional<String> pageOfCard(String serviceId, String cardUuid) {
    return jdbc
        .queryForList(
            "select PAGE_ID from EDU_CDS_CARD where CARD_UUID = ? and SERVICE_ID = ?",
            String.class,
            cardUuid,
            serviceId)
        .stream()
        .findFirst();
  }

  public void record(String serviceId, Feedback feedback) {
    jdbc.update(
        "insert into EDU_CDS_FEEDBACK (FEEDBACK_ID, CARD_UUID, SERVICE_ID, OUTCOME,"
            + " OVERRIDE_SYSTEM, OVERRIDE_CODE, OVERRIDE_DISPLAY, USER_COMMENT,"
            + " ACCEPTED_SUGGESTIONS, OUTCOME_TIMESTAMP, RECEIVED_AT)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        UUID.randomUUID().toString(),
        feedback.card(),
        serviceId,
        feedback.outcome(),
        feedback.overrideSystem(),
        feedback.overrideCode(),
        feedback.overrideDisplay(),
        feedback.userComment(),
        String.join(" ", feedback.acceptedSuggestions()),
        feedback.outcomeTimestamp(),
        Instant.now(clock).toEpochMilli());
  }

  /** Per page (by id): cards shown, accepted, overridden, and the override reasons given. */
  public List<PageCounts> report() {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, Map<String, Long>> reasons = new LinkedHashMap<>();
    jdbc.query(
        "select PAGE_ID, count(*) from EDU_CDS_CARD group by PAGE_ID",
        row -> {
          counts.computeIfAbsent(row.getString(1), p -> new long[3])[0] = row.getLong(2);
        });
    jdbc.query(
        "select c.PAGE_ID, f.OUTCOME, count(*) from EDU_CDS_FEEDBACK f"
            + " join EDU_CDS_CARD c on c.CARD_UUID = f.CARD_UUID group by c.PAGE_ID, f.OUTCOME",
        row -> {
          long[] page = counts.computeIfAbsent(row.getString(1), p -> new long[3]);
          page["accepted".equals(row.getString(2)) ? 1 : 2] += row.getLong(3);
        });
    jdbc.query(
        "select c.PAGE_ID, coalesce(f.OVERRIDE_DISPLAY, f.OVERRIDE_CODE, 'no reason given'),"
            + " count(*) from EDU_CDS_FEEDBACK f join EDU_CDS_CARD c on c.CARD_UUID = f.CARD_UUID"
            + " where f.OUTCOME = 'overridden'"
            + " group by c.PAGE_ID, coalesce(f.OVERRIDE_DISPLAY, f.OVERRIDE_CODE, 'no reason given')",
        row -> {
          reasons
              .computeIfAbsent(row.getString(1), p -> new TreeMap<>())
              .put(row.getString(2), row.getLong(3));
        });
    List<PageCounts> report = new ArrayList<>();
    counts.forEach(
        (page, c) ->
            report.add(
                new PageCounts(page, c[0], c[1], c[2], reasons.getOrDefault(page, Map.of()))));
    return report;
  }
}
