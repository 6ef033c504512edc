package org.patientedu.review;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DomainResource;
import org.patientedu.fhirserver.ProgressLine;
import org.patientedu.fhirserver.readcache.EveryResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Time moves pages from current to due-soon to overdue without anyone writing to them. This
 * recomputes the stored review state (what searches see) at start-up, after the pack loads, and
 * daily; a page whose state changed is stored again, as a new version, stamped by the interceptor.
 * When only days have passed since the last recorded refresh ({@link RefreshRecord}), only the
 * pages in a state that days move on are read.
 */
@Component
@Order(10)
class ReviewStatusRefresher implements ApplicationRunner, SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ReviewStatusRefresher.class);
  private static final List<String> REVIEWED_TYPES = List.of("Library", "DocumentReference");

  /** Resources read at a time: a few hundred parsed pages, a few MB. */
  private static final int PAGE = 500;

  private final DaoRegistry daoRegistry;
  private final ReviewPolicy policy;
  private final ReviewReportOperation report;
  private final Clock clock;
  private final String refreshCron;
  private final RefreshRecord record;

  ReviewStatusRefresher(
      DaoRegistry daoRegistry,
      ReviewPolicy policy,
      ReviewReportOperation report,
      Clock clock,
      ReviewProperties properties,
      RefreshRecord record) {
    this.daoRegistry = daoRegistry;
    this.policy = policy;
    this.report = report;
    this.clock = clock;
    this.refreshCron = properties.refreshCron();
    this.record = record;
  }

  /**
   * At start-up, after the pack loads: skipped when this node refreshed today (or found the store
   * empty today), under the same policy, over a store that has only grown since ({@link
   * RefreshRecord}); otherwise every page. The log line counts the stored states, just refreshed,
   * of the Libraries (what the report counts), without reading them.
   */
  @Override
  public void run(ApplicationArguments args) {
    LocalDate today = LocalDate.now(clock);
    if (record.holds(today)) {
      log.info(
          "Review states refreshed already today under this policy; every write since was stamped:"
              + " nothing read");
    } else {
      Refresh done = refreshAndRecord(today);
      log.info("Review states recomputed at start-up: {}", done.asLogText());
    }
    log.info("Review currency as of {}: {}", today, storedCounts());
  }

  /** Daily, at {@code edu.review.refresh-cron}. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addCronTask(this::scheduledRefresh, refreshCron);
  }

  void scheduledRefresh() {
    Refresh done = refreshAndRecord(LocalDate.now(clock));
    log.info("Review states recomputed: {}; {}", done.asLogText(), report.summarize().asLogLine());
  }

  /** What a refresh read and changed. */
  record Refresh(boolean onlyStatesThatMove, int read, int changed) {
    String asLogText() {
      return changed
          + " changed of "
          + read
          + (onlyStatesThatMove
              ? " read (only pages current or due soon: just days have passed since the last"
                  + " refresh)"
              : " read (every page)");
    }
  }

  /**
   * A day after a recorded refresh (the daily one, or the first start of a day) reads only the
   * pages whose state moves as days pass; otherwise, or with no record, every page.
   */
  Refresh refreshAndRecord(LocalDate today) {
    Refresh done =
        record.onlyDaysPassed(today)
            ? refreshStatesThatMove(today, PAGE)
            : refreshEveryPage(today, PAGE);
    record.record(today);
    return done;
  }

  /** How many Libraries carry each stored state: one count query per state, nothing read. */
  private String storedCounts() {
    IFhirResourceDao<?> libraries = daoRegistry.getResourceDao("Library");
    StringBuilder counts = new StringBuilder();
    for (ReviewStatus status : ReviewStatus.values()) {
      SearchParameterMap withStatus = SearchParameterMap.newSynchronous();
      withStatus.add(ReviewStatus.SEARCH_PARAMETER, new TokenParam(status.code()));
      withStatus.setSummaryMode(SummaryEnum.COUNT);
      Integer count = libraries.search(withStatus, new SystemRequestDetails()).size();
      counts.append(counts.isEmpty() ? "" : ", ").append(status.code()).append('=').append(count);
    }
    return counts.toString();
  }

  /** Every page read and re-assessed; returns how many changed state. */
  public int refresh() {
    return refresh(PAGE);
  }

  int refresh(int pageSize) {
    return refreshEveryPage(LocalDate.now(clock), pageSize).changed();
  }

  /**
   * Reads the reviewed types a bounded page at a time ({@link EveryResource}): read in one search,
   * 10,000 pages' Libraries and DocumentReferences ran a 512 MB node out of heap on a new day's
   * start.
   */
  private Refresh refreshEveryPage(LocalDate today, int pageSize) {
    return restampAll(today, SearchParameterMap::newSynchronous, pageSize, false);
  }

  /**
   * Reads only the pages stored in a state that moves as days pass (current, due soon), or with no
   * state: at 10,000 synthetic pages about half of them, in a catalog kept up to date most.
   */
  Refresh refreshStatesThatMove(LocalDate today, int pageSize) {
    TokenOrListParam settled = new TokenOrListParam();
    for (ReviewStatus status : ReviewStatus.values()) {
      if (!status.movesAsDaysPass()) {
        settled.addOr(new TokenParam(status.code()).setModifier(TokenParamModifier.NOT));
      }
    }
    Supplier<SearchParameterMap> mayHaveMoved =
        () -> {
          SearchParameterMap criteria = SearchParameterMap.newSynchronous();
          criteria.add(ReviewStatus.SEARCH_PARAMETER, settled);
          return criteria;
        };
    return restampAll(today, mayHaveMoved, pageSize, true);
  }

  /**
   * Re-assesses the reviewed resources that match {@code criteria}, a page at a time, with a log
   * line after each page but the last: on the first start of a day at 10,000 pages this runs for
   * half a minute before the node is ready.
   */
  private Refresh restampAll(
      LocalDate today,
      Supplier<SearchParameterMap> criteria,
      int pageSize,
      boolean onlyStatesThatMove) {
    Restamp restamp = new Restamp(today);
    for (String type : REVIEWED_TYPES) {
      IFhirResourceDao<IBaseResource> dao = daoRegistry.getResourceDao(type);
      Set<String> ids = EveryResource.ids(dao, criteria.get());
      ProgressLine progress =
          new ProgressLine("Review states (" + type + ")", "resources", "read", ids.size());
      int readBefore = restamp.read;
      EveryResource.inPages(
          dao,
          criteria,
          ids,
          pageSize,
          page -> {
            restamp.page(dao, page);
            progress.log(log, restamp.read - readBefore);
          });
    }
    return new Refresh(onlyStatesThatMove, restamp.read, restamp.changed);
  }

  /** Re-assesses pages as of one day and stores those whose state changed. */
  private final class Restamp {
    private final LocalDate today;
    private int read;
    private int changed;

    Restamp(LocalDate today) {
      this.today = today;
    }

    void page(IFhirResourceDao<IBaseResource> dao, List<IBaseResource> page) {
      for (IBaseResource found : page) {
        read++;
        DomainResource resource = (DomainResource) found;
        ReviewStatus now = ReviewStamper.assess(policy, resource, today).status();
        if (now != ReviewStamper.storedStatus(resource)) {
          try {
            dao.update(resource, new SystemRequestDetails());
            changed++;
          } catch (ResourceVersionConflictException anotherNodeGotThereFirst) {
            // the other node stamped it; nothing to do
          }
        }
      }
    }
  }
}
