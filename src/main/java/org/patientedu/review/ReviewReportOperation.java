package org.patientedu.review;

import ca.uhn.fhir.rest.annotation.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Parameters.ParametersParameterComponent;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.fhirserver.readcache.ResourceViews;
import org.patientedu.fhirserver.readcache.SharedResourceViews;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code GET /fhir/$review-report}: how many pages are current, due soon, overdue or never
 * reviewed, and the overdue ones, oldest due date first. Computed as of today, not from what is
 * stored, so it is right even between two daily refreshes: each Library's review facts (last review
 * date, whether a clinician is named) are held in memory per edition of the Libraries ({@link
 * ResourceViews}), so a report costs one aggregate query and the policy applied in memory, and a
 * Library is read again only when it was written.
 */
@Component
public class ReviewReportOperation {

  public static final String NAME = "$review-report";

  /** One overdue page. */
  public record OverdueItem(
      String id, String title, LocalDate lastReviewed, LocalDate dueDate, long daysOverdue) {}

  /** Counts per state and the overdue list. */
  public record Summary(
      LocalDate asOf, Map<ReviewStatus, Integer> counts, List<OverdueItem> overdue) {
    String asLogLine() {
      return counts.entrySet().stream()
              .map(e -> e.getKey().code() + "=" + e.getValue())
              .collect(Collectors.joining(", "))
          + (overdue.isEmpty()
              ? ""
              : "; overdue, oldest first: "
                  + overdue.stream()
                      .map(o -> o.id() + " (due " + o.dueDate() + ", " + o.daysOverdue() + " days)")
                      .collect(Collectors.joining(", ")));
    }
  }

  /** What the policy needs of one Library, and what the report names it by. */
  private record ReviewFacts(
      String id, String title, LocalDate lastReviewed, boolean clinicianNamed) {

    static ReviewFacts of(Library library) {
      return new ReviewFacts(
          library.getIdElement().getIdPart(),
          library.getTitle(),
          ReviewStamper.lastReviewDate(library),
          ReviewStamper.clinicianNamed(library));
    }
  }

  private final ReviewPolicy policy;
  private final Clock clock;

  /** Every Library's review facts, kept per edition of the Libraries (read again where changed). */
  private final ResourceViews<Library>.View<ReviewFacts> facts;

  ReviewReportOperation(SharedResourceViews views, ReviewPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
    this.facts = views.of(Library.class).view(ReviewFacts::of);
  }

  /** Reads the review facts now, so the first report after a start does not wait for them. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp() {
    facts.warmUpInBackground();
  }

  @Operation(name = NAME, idempotent = true)
  public Parameters reviewReport() {
    Summary summary = summarize();
    Parameters report = new Parameters();
    report.addParameter().setName("asOf").setValue(new DateType(summary.asOf().toString()));
    report
        .addParameter()
        .setName("intervalMonths")
        .setValue(new IntegerType(policy.intervalMonths()));
    report.addParameter().setName("dueSoonDays").setValue(new IntegerType(policy.dueSoonDays()));
    summary
        .counts()
        .forEach(
            (status, count) ->
                report.addParameter().setName(status.code()).setValue(new IntegerType(count)));
    for (OverdueItem item : summary.overdue()) {
      ParametersParameterComponent overdue = report.addParameter().setName("overdueItem");
      overdue
          .addPart()
          .setName("library")
          .setValue(new Reference("Library/" + item.id()).setDisplay(item.title()));
      overdue
          .addPart()
          .setName("lastReviewDate")
          .setValue(new DateType(item.lastReviewed().toString()));
      overdue.addPart().setName("dueDate").setValue(new DateType(item.dueDate().toString()));
      overdue.addPart().setName("daysOverdue").setValue(new IntegerType((int) item.daysOverdue()));
    }
    return report;
  }

  public Summary summarize() {
    LocalDate today = LocalDate.now(clock);
    Map<ReviewStatus, Integer> counts = new EnumMap<>(ReviewStatus.class);
    for (ReviewStatus status : ReviewStatus.values()) {
      counts.put(status, 0);
    }
    List<OverdueItem> overdue = new ArrayList<>();
    for (ReviewFacts library : facts.current().byId().values()) {
      ReviewAssessment assessment =
          policy.assess(library.lastReviewed(), library.clinicianNamed(), today);
      counts.merge(assessment.status(), 1, Integer::sum);
      if (assessment.status() == ReviewStatus.OVERDUE) {
        overdue.add(
            new OverdueItem(
                library.id(),
                library.title(),
                assessment.lastReviewed(),
                assessment.dueDate(),
                assessment.daysOverdue()));
      }
    }
    overdue.sort(Comparator.comparing(OverdueItem::dueDate));
    return new Summary(today, counts, overdue);
  }
}
