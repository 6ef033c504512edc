package org.patientedu.review;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.DomainResource;
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
 */
@Component
@Order(10)
class ReviewStatusRefresher implements ApplicationRunner, SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(ReviewStatusRefresher.class);
  private static final List<String> REVIEWED_TYPES = List.of("Library", "DocumentReference");

  private final DaoRegistry daoRegistry;
  private final ReviewPolicy policy;
  private final ReviewReportOperation report;
  private final Clock clock;
  private final String refreshCron;

  ReviewStatusRefresher(
      DaoRegistry daoRegistry,
      ReviewPolicy policy,
      ReviewReportOperation report,
      Clock clock,
      ReviewProperties properties) {
    this.daoRegistry = daoRegistry;
    this.policy = policy;
    this.report = report;
    this.clock = clock;
    this.refreshCron = properties.refreshCron();
  }

  @Override
  public void run(ApplicationArguments args) {
    refresh();
    log.info("Review currency as of {}: {}", LocalDate.now(clock), report.summarize().asLogLine());
  }

  /** Daily, at {@code edu.review.refresh-cron}. */
  @Override
  public void configureTasks(ScheduledTaskRegistrar tasks) {
    tasks.addCronTask(this::scheduledRefresh, refreshCron);
  }

  void scheduledRefresh() {
    int changed = refresh();
    log.info("Review states recomputed: {} changed; {}", changed, report.summarize().asLogLine());
  }

  /** Returns how many resources changed state. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  public int refresh() {
    LocalDate today = LocalDate.now(clock);
    int changed = 0;
    for (String type : REVIEWED_TYPES) {
      IFhirResourceDao dao = daoRegistry.getResourceDao(type);
      IBundleProvider all =
          dao.search(SearchParameterMap.newSynchronous(), new SystemRequestDetails());
      for (Object found : all.getAllResources()) {
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
    return changed;
  }
}
