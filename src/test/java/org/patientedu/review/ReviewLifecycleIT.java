package org.patientedu.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceAccessDetails;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.ContactDetail;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.testing.ResourcesLoaded;
import org.patientedu.testing.ReviewReports;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.SettableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Review currency and the CRMI-style lifecycle over HTTP. Lifecycle tests work on copies of the
 * seed pages, so the shared pack stays as shipped for the other tests.
 */
class ReviewLifecycleIT extends RunningServerTest {

  private static final List<String> SEEDS =
      List.of(
          "oxytocin-healthwise",
          "oxytocin-goaskalice",
          "oxytocin-perexp",
          "oxytocin-noigroup",
          "oxytocin-loveandlife");

  @Autowired SettableClock clock;

  @Autowired ReviewStatusRefresher refresher;

  @Autowired ScheduledTaskHolder scheduledTasks;

  @Autowired IInterceptorService interceptors;

  @Test
  void seedPagesAreOverdueOrNeverReviewedAsOfTheTwentySecondOfNovember2026() {
    for (String type : List.of("Library", "DocumentReference")) {
      assertThat(seedIdsWithState(type, "overdue")).containsExactly("oxytocin-healthwise");
      // "Last reviewed on" by the site, no clinician named: not a medical review
      assertThat(seedIdsWithState(type, "publisher-reviewed"))
          .containsExactly("oxytocin-goaskalice");
      assertThat(seedIdsWithState(type, "never-reviewed"))
          .containsExactlyInAnyOrder(
              "oxytocin-perexp", "oxytocin-noigroup", "oxytocin-loveandlife");
      assertThat(seedIdsWithState(type, "current")).isEmpty();
    }
    Library healthwise = library("oxytocin-healthwise");
    assertThat(healthwise.getEffectivePeriod().getEndElement().getValueAsString())
        .isEqualTo("2024-04-13");
    assertThat(healthwise.getText().getDivAsString())
        .contains("Overdue for review")
        .contains("953 days ago");
    assertThat(library("oxytocin-perexp").getText().getDivAsString())
        .contains("Draft: not approved for use")
        .contains("Not medically reviewed")
        .contains("AI tool (ChatGPT)");
  }

  @Test
  void activeSearchesReturnOnlyReviewedPages() {
    Bundle active =
        anonymousClient()
            .search()
            .byUrl("Library?status=active&_count=200")
            .returnBundle(Bundle.class)
            .execute();
    assertThat(active.getEntry())
        .isNotEmpty()
        .allSatisfy(
            e ->
                assertThat(((Library) e.getResource()).hasLastReviewDate())
                    .as("active pages were reviewed")
                    .isTrue());
  }

  @Test
  void reviewThenApproveTurnsTheAiWrittenPageIntoAnActiveCurrentPage() {
    String id = copyOfSeed("oxytocin-perexp", "lifecycle-perexp");
    int version = version(library(id));

    Library reviewed =
        editorClient()
            .operation()
            .onInstance(new IdType("Library", id))
            .named("$review")
            .withParameters(reviewParameters("Maria Lopez", "2026-11-20"))
            .returnResourceType(Library.class)
            .execute();
    assertThat(version(reviewed)).isEqualTo(version + 1);
    assertThat(reviewed.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(reviewed.getLastReviewDateElement().getValueAsString()).isEqualTo("2026-11-20");
    assertThat(reviewed.getReviewer())
        .extracting(ContactDetail::getName)
        .containsExactly("Maria Lopez");
    assertThat(reviewStatus(reviewed)).isEqualTo("current");
    assertThat(reviewed.hasEffectivePeriod()).as("a draft is not in use").isFalse();
    assertThat(reviewed.hasApprovalDate()).isFalse();

    Library approved =
        editorClient()
            .operation()
            .onInstance(new IdType("Library", id))
            .named("$approve")
            .withNoParameters(Parameters.class)
            .returnResourceType(Library.class)
            .execute();
    assertThat(version(approved)).isEqualTo(version + 2);
    assertThat(approved.getStatus()).isEqualTo(PublicationStatus.ACTIVE);
    assertThat(approved.getApprovalDateElement().getValueAsString()).isEqualTo(TODAY.toString());
    assertThat(approved.getEffectivePeriod().getStartElement().getValueAsString())
        .isEqualTo(TODAY.toString());
    assertThat(approved.getEffectivePeriod().getEndElement().getValueAsString())
        .isEqualTo("2028-11-20");
    assertThat(approved.getText().getDivAsString())
        .contains("Active: approved for use on November 22, 2026")
        .contains("Current: last reviewed");

    DocumentReference document =
        anonymousClient().read().resource(DocumentReference.class).withId(id).execute();
    assertThat(document.getDocStatus()).isEqualTo(DocumentReference.ReferredDocumentStatus.FINAL);
    assertThat(
            ((DateType) document.getExtensionByUrl(PackTerminology.EXT_LAST_REVIEW_DATE).getValue())
                .getValueAsString())
        .isEqualTo("2026-11-20");
    assertThat(reviewStatus(document)).isEqualTo("current");

    List<Provenance> provenances = provenancesOf(id);
    assertThat(provenances)
        .extracting(p -> p.getActivity().getText())
        .containsExactlyInAnyOrder("review", "approve");
    Provenance review =
        provenances.stream()
            .filter(p -> p.getActivity().getText().equals("review"))
            .findFirst()
            .orElseThrow();
    assertThat(review.getAgentFirstRep().getWho().getDisplay())
        .isEqualTo("Maria Lopez, MD (Obstetrics and Gynecology)");
    assertThat(review.getReasonFirstRep().getText())
        .isEqualTo("Checked against current obstetric guidance");
    assertThat(review.getTarget())
        .extracting(Reference::getReference)
        .contains("Library/" + id + "/_history/" + (version + 1));

    Bundle history =
        anonymousClient()
            .history()
            .onInstance(new IdType("Library", id))
            .returnBundle(Bundle.class)
            .execute();
    assertThat(history.getEntry()).hasSize(version + 2);
    assertThat(
            idsOf(
                anonymousClient()
                    .search()
                    .byUrl("Library?status=active&review-status=current&_id=" + id)
                    .returnBundle(Bundle.class)
                    .execute()))
        .containsExactly(id);
  }

  @Test
  void refusedTransitionsSayWhyAndChangeNothing() {
    String draft = copyOfSeed("oxytocin-noigroup", "refusal-noigroup");
    assertRefused(
        UnprocessableEntityException.class,
        () -> call(draft, "$approve", new Parameters()),
        "never medically reviewed");
    assertRefused(
        UnprocessableEntityException.class,
        () -> call(draft, "$retire", new Parameters()),
        "only active content is retired");
    assertRefused(
        InvalidRequestException.class,
        () -> call(draft, "$review", new Parameters()),
        "reviewerName");
    assertRefused(
        InvalidRequestException.class,
        () -> call(draft, "$review", reviewParameters("A. Reviewer", "2030-01-01")),
        "in the future");
    assertThat(version(library(draft))).isEqualTo(1);

    String active = copyOfSeed("oxytocin-healthwise", "refusal-healthwise");
    assertRefused(
        UnprocessableEntityException.class,
        () -> call(active, "$approve", new Parameters()),
        "already active");
    Library backToDraft = library(active).setStatus(PublicationStatus.DRAFT);
    assertRefused(
        UnprocessableEntityException.class,
        () -> editorClient().update().resource(backToDraft).execute(),
        "cannot go back to draft");

    call(active, "$retire", new Parameters().addParameter("comment", "Replaced by a newer topic"));
    assertThat(library(active).getStatus()).isEqualTo(PublicationStatus.RETIRED);
    assertThat(
            anonymousClient()
                .read()
                .resource(DocumentReference.class)
                .withId(active)
                .execute()
                .getStatus()
                .toCode())
        .isEqualTo("superseded");
    int retiredVersion = version(library(active));
    assertRefused(
        UnprocessableEntityException.class,
        () -> call(active, "$approve", new Parameters()),
        "never reactivated");
    assertRefused(
        UnprocessableEntityException.class,
        () -> call(active, "$review", reviewParameters("A. Reviewer", null)),
        "retired");
    assertThat(version(library(active))).isEqualTo(retiredVersion);
  }

  /** A draft whose only review is more than 24 months old is overdue: it is not approved. */
  @Test
  void aDraftWhoseReviewIsOverdueIsNotApproved() {
    String id = copyOfSeed("oxytocin-noigroup", "overdue-draft");
    call(id, "$review", reviewParameters("Maria Lopez", "2024-11-01"));
    Library reviewed = library(id);
    assertThat(reviewStatus(reviewed)).isEqualTo("overdue");
    int version = version(reviewed);

    assertRefused(
        UnprocessableEntityException.class,
        () -> call(id, "$approve", new Parameters()),
        "Library/overdue-draft is overdue for review (due 2026-11-01); record a new review with"
            + " $review before approving it.");
    Library after = library(id);
    assertThat(after.getStatus()).isEqualTo(PublicationStatus.DRAFT);
    assertThat(after.hasApprovalDate()).isFalse();
    assertThat(version(after)).isEqualTo(version);
  }

  @Test
  void retiringRecordsAProvenanceWithTheDateTheReasonAndBothVersions() {
    String id = copyOfSeed("oxytocin-healthwise", "retire-provenance");
    Library retired =
        call(
            id,
            "$retire",
            new Parameters()
                .addParameter("date", new DateType("2026-11-21"))
                .addParameter("comment", "Replaced by a newer topic"));
    assertThat(retired.getStatus()).isEqualTo(PublicationStatus.RETIRED);

    List<Provenance> provenances = provenancesOf(id);
    assertThat(provenances).hasSize(1);
    Provenance provenance = provenances.get(0);
    assertThat(provenance.getActivity().getText()).isEqualTo("retire");
    assertThat(provenance.getActivity().getCodingFirstRep().getCode()).isEqualTo("UPDATE");
    assertThat(provenance.getOccurredDateTimeType().getValueAsString()).isEqualTo("2026-11-21");
    assertThat(provenance.getAgentFirstRep().getType().getCodingFirstRep().getCode())
        .isEqualTo("custodian");
    assertThat(provenance.getAgentFirstRep().getWho().getDisplay())
        .isEqualTo("Editor (bearer-token credential)");
    assertThat(provenance.getReasonFirstRep().getText()).isEqualTo("Replaced by a newer topic");
    assertThat(provenance.getTarget())
        .extracting(Reference::getReference)
        .containsExactlyInAnyOrder(
            "Library/" + id + "/_history/" + version(retired),
            "DocumentReference/" + id + "/_history/2");
  }

  @Test
  void onlyAnEditorMayCallTheOperations() {
    String id = copyOfSeed("oxytocin-loveandlife", "anonymous-loveandlife");
    assertRefused(
        AuthenticationException.class,
        () ->
            anonymousClient()
                .operation()
                .onInstance(new IdType("Library", id))
                .named("$review")
                .withParameters(reviewParameters("Someone", null))
                .returnResourceType(Library.class)
                .execute(),
        "needs a bearer token");
    assertRefused(
        ForbiddenOperationException.class,
        () ->
            smartClient("system/Library.rs") // may read, not change
                .operation()
                .onInstance(new IdType("Library", id))
                .named("$approve")
                .withNoParameters(Parameters.class)
                .returnResourceType(Library.class)
                .execute(),
        "not allowed by the token's scopes");
    assertThat(version(library(id))).isEqualTo(1);
    assertThat(reviewStatus(library(id))).isEqualTo("never-reviewed");
  }

  @Test
  void statesMoveWithTimeWithoutARestart() {
    String id = copyOfSeed("oxytocin-perexp", "time-passes");
    call(id, "$review", reviewParameters("Maria Lopez", TODAY.toString()));
    assertThat(reviewStatus(library(id))).isEqualTo("current");
    try {
      clock.setToday(TODAY.plusMonths(24).minusDays(10));
      refresher.refresh();
      assertThat(reviewStatus(library(id))).isEqualTo("due-soon");
      clock.setToday(TODAY.plusMonths(24).plusDays(1));
      refresher.refresh();
      assertThat(reviewStatus(library(id))).isEqualTo("overdue");
      assertThat(
              idsOf(
                  anonymousClient()
                      .search()
                      .byUrl("Library?review-status=overdue&_id=" + id)
                      .returnBundle(Bundle.class)
                      .execute()))
          .containsExactly(id);
    } finally {
      clock.setToday(TODAY);
      refresher.refresh();
    }
    assertThat(reviewStatus(library(id))).isEqualTo("current");
  }

  /**
   * The daily refresh is scheduled at edu.review.refresh-cron (default: five past midnight), and
   * the task scheduled there moves a page's stored state when time has moved.
   */
  @Test
  void theDailyRefreshIsScheduledAtTheConfiguredCronAndMovesStates() {
    List<CronTask> crons =
        scheduledTasks.getScheduledTasks().stream()
            .map(ScheduledTask::getTask)
            .filter(CronTask.class::isInstance)
            .map(CronTask.class::cast)
            .toList();
    assertThat(crons).extracting(CronTask::getExpression).containsExactly("0 5 0 * * *");

    String id = copyOfSeed("oxytocin-perexp", "daily-refresh");
    call(id, "$review", reviewParameters("Maria Lopez", TODAY.toString()));
    assertThat(reviewStatus(library(id))).isEqualTo("current");
    try {
      clock.setToday(TODAY.plusMonths(24).plusDays(1));
      crons.get(0).getRunnable().run();
      assertThat(reviewStatus(library(id))).isEqualTo("overdue");
    } finally {
      clock.setToday(TODAY);
      refresher.refresh();
    }
    assertThat(reviewStatus(library(id))).isEqualTo("current");
  }

  /**
   * A refresh reads the catalog a bounded page at a time: at 10,000 pages one search of every
   * Library and DocumentReference ran a 512 MB node out of heap. Pages of 2 here, so the pack spans
   * several, and a page past its review date still moves. It says how far it has got after each
   * page but the last (half a minute before ready on the first start of a day at 10,000 pages).
   */
  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void aRefreshReadsAPageAtATimeAndStillMovesStates(CapturedOutput output) {
    String id = copyOfSeed("oxytocin-perexp", "paged-refresh");
    call(id, "$review", reviewParameters("Maria Lopez", TODAY.toString()));
    assertThat(reviewStatus(library(id))).isEqualTo("current");

    List<Integer> loadedAtATime;
    clock.setToday(TODAY.plusMonths(24).plusDays(1));
    try {
      loadedAtATime =
          ResourcesLoaded.atATimeDuring(
              interceptors,
              () -> assertThat(refresher.refresh(2)).as("states changed").isPositive());
    } finally {
      clock.setToday(TODAY);
    }
    try {
      assertThat(reviewStatus(library(id))).isEqualTo("overdue");
      // 5 seed Libraries, 5 DocumentReferences and this copy: at least 6 pages of 2
      assertThat(loadedAtATime)
          .as("loaded 2 at a time, not every Library at once")
          .hasSizeGreaterThanOrEqualTo(6)
          .allSatisfy(loaded -> assertThat(loaded).isLessThanOrEqualTo(2));
      // other tests add copies: the totals are at least the 5 seeds and this copy's 1
      List<String> progress =
          output.getOut().lines().filter(line -> line.contains("Review states (")).toList();
      assertThat(progress)
          .anySatisfy(
              line ->
                  assertThat(line)
                      .containsPattern("Review states \\(Library\\): 2 of \\d+ resources read")
                      .doesNotContain("to go"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .containsPattern(
                          "Review states \\(Library\\): 4 of \\d+ resources read \\(\\d+ %\\),"
                              + " \\d+ s so far, about \\d+ s to go"))
          .anySatisfy(
              line ->
                  assertThat(line)
                      .containsPattern("Review states \\(DocumentReference\\): 4 of \\d+"))
          .noneSatisfy(
              line -> assertThat(line).containsPattern("Review states \\(\\w+\\): (\\d+) of \\1 "));
    } finally {
      refresher.refresh();
    }
    assertThat(reviewStatus(library(id))).isEqualTo("current");
  }

  /**
   * The daily refresh, and the first start of a day, read only the pages whose state days move on
   * (current, due soon) when only days have passed since the last recorded refresh: the seeds
   * (overdue, never reviewed, reviewed by their publisher only) are not read, and a current page
   * past its due date still moves.
   */
  @Test
  void aLaterDaysRefreshReadsOnlyThePagesWhoseStateDaysMoveOn() {
    String id = copyOfSeed("oxytocin-perexp", "days-pass");
    call(id, "$review", reviewParameters("Maria Lopez", TODAY.toString()));
    assertThat(reviewStatus(library(id))).isEqualTo("current");
    // a complete refresh recorded today, as the start-up's or last night's
    assertThat(refresher.refreshAndRecord(TODAY).onlyStatesThatMove()).isFalse();
    int movable = 0;
    for (String type : List.of("Library", "DocumentReference")) {
      movable +=
          anonymousClient()
              .search()
              .byUrl(type + "?review-status=current,due-soon&_summary=count")
              .returnBundle(Bundle.class)
              .execute()
              .getTotal();
    }
    assertThat(movable).as("current or due-soon pages, this copy among them").isPositive();

    LocalDate dayAfterDue = TODAY.plusMonths(24).plusDays(1);
    List<ReviewStatusRefresher.Refresh> done = new ArrayList<>();
    Set<String> read;
    clock.setToday(dayAfterDue);
    try {
      read =
          ResourcesLoaded.idsDuring(
              interceptors, () -> done.add(refresher.refreshAndRecord(dayAfterDue)));
    } finally {
      clock.setToday(TODAY);
    }
    try {
      assertThat(done.get(0).onlyStatesThatMove()).isTrue();
      assertThat(reviewStatus(library(id))).isEqualTo("overdue");
      assertThat(read).contains("Library/" + id).hasSize(movable);
      assertThat(done.get(0).read()).isEqualTo(movable);
      for (String seed : SEEDS) {
        assertThat(read).doesNotContain("Library/" + seed, "DocumentReference/" + seed);
      }
    } finally {
      // back to today: a record of a later day means a complete refresh, recorded today again
      assertThat(refresher.refreshAndRecord(TODAY).onlyStatesThatMove()).isFalse();
    }
    assertThat(reviewStatus(library(id))).isEqualTo("current");
  }

  /**
   * The later day's refresh walks only the pages in a state that days move on, and a page it moves
   * to overdue leaves that set, shifting the later pages back by one. Pages of 1 here, so each move
   * makes the walk pass over the next page: every one must still move.
   */
  @Test
  void pagesShiftedOutOfTheLaterDaysWalkByTheRefreshItselfStillMove() {
    List<String> ids =
        List.of(
            copyOfSeed("oxytocin-perexp", "shifted-a"), copyOfSeed("oxytocin-perexp", "shifted-b"));
    for (String id : ids) {
      call(id, "$review", reviewParameters("Maria Lopez", TODAY.toString()));
      assertThat(reviewStatus(library(id))).isEqualTo("current");
    }
    LocalDate dayAfterDue = TODAY.plusMonths(24).plusDays(1);
    clock.setToday(dayAfterDue);
    try {
      assertThat(refresher.refreshStatesThatMove(dayAfterDue, 1).changed())
          .isGreaterThanOrEqualTo(2);
    } finally {
      clock.setToday(TODAY);
    }
    try {
      for (String id : ids) {
        assertThat(reviewStatus(library(id))).as(id).isEqualTo("overdue");
      }
    } finally {
      refresher.refresh();
    }
    for (String id : ids) {
      assertThat(reviewStatus(library(id))).as(id).isEqualTo("current");
    }
  }

  /**
   * A delete while the refresh pages through the catalog shifts the later pages by one, so the walk
   * passes over the resource after the deleted one: it must still be refreshed. Pages of 1; the
   * page just before the one to refresh is deleted (from another thread, as another client would)
   * right after the refresh has loaded it.
   */
  @Test
  void aPageShiftedOutOfTheWalkByADeleteIsStillRefreshed() throws Exception {
    Library doomed = new Library();
    doomed.setStatus(PublicationStatus.RETIRED);
    doomed.setTitle("Deleted while the refresh walks");
    doomed.getType().addCoding().setCode("asset-collection");
    String doomedId = editorClient().create().resource(doomed).execute().getId().getIdPart();
    String id = copyOfSeed("oxytocin-perexp", "shifted-refresh"); // stored right after it
    call(id, "$review", reviewParameters("Maria Lopez", TODAY.toString()));
    assertThat(reviewStatus(library(id))).isEqualTo("current");

    Thread refreshing = Thread.currentThread();
    List<String> deleted = new CopyOnWriteArrayList<>();
    Object deleteOnceLoaded =
        new Object() {
          @Hook(Pointcut.STORAGE_PREACCESS_RESOURCES)
          public void loading(IPreResourceAccessDetails details) throws InterruptedException {
            if (Thread.currentThread() == refreshing
                && deleted.isEmpty()
                && details.size() == 1
                && doomedId.equals(details.getResource(0).getIdElement().getIdPart())) {
              Thread otherClient =
                  new Thread(
                      () -> {
                        editorClient().delete().resourceById("Library", doomedId).execute();
                        deleted.add(doomedId);
                      });
              otherClient.start();
              otherClient.join();
            }
          }
        };
    interceptors.registerInterceptor(deleteOnceLoaded);
    try {
      clock.setToday(TODAY.plusMonths(24).plusDays(1));
      refresher.refresh(1);
    } finally {
      interceptors.unregisterInterceptor(deleteOnceLoaded);
      clock.setToday(TODAY);
    }
    try {
      assertThat(deleted).as("deleted during the walk").containsExactly(doomedId);
      assertThat(reviewStatus(library(id))).isEqualTo("overdue");
    } finally {
      refresher.refresh();
    }
    assertThat(reviewStatus(library(id))).isEqualTo("current");
  }

  @Test
  void theReviewReportCountsStatesAndListsOverduePagesOldestFirst() {
    Parameters report = ReviewReports.fetch(anonymousClient());
    assertThat(report.getParameter("asOf").getValue().primitiveValue()).isEqualTo(TODAY.toString());
    List<String> overdue =
        report.getParameter().stream()
            .filter(p -> p.getName().equals("overdueItem"))
            .map(p -> ((Reference) p.getPart().get(0).getValue()).getReference())
            .toList();
    assertThat(overdue)
        .contains("Library/oxytocin-healthwise")
        .doesNotContain("Library/oxytocin-goaskalice");
    assertThat(
            ((org.hl7.fhir.r4.model.IntegerType) report.getParameter("overdue").getValue())
                .getValue())
        .isEqualTo(overdue.size());
    int publisherReviewed =
        ((org.hl7.fhir.r4.model.IntegerType) report.getParameter("publisher-reviewed").getValue())
            .getValue();
    assertThat(publisherReviewed)
        .isPositive()
        .isEqualTo(
            anonymousClient()
                .search()
                .byUrl("Library?review-status=publisher-reviewed&_summary=count")
                .returnBundle(Bundle.class)
                .execute()
                .getTotal());
    int neverReviewed =
        ((org.hl7.fhir.r4.model.IntegerType) report.getParameter("never-reviewed").getValue())
            .getValue();
    assertThat(neverReviewed)
        .isEqualTo(
            anonymousClient()
                .search()
                .byUrl("Library?review-status=never-reviewed&_summary=count")
                .returnBundle(Bundle.class)
                .execute()
                .getTotal());
  }

  @Test
  void theCapabilityStatementOffersTheReviewSearchesAndOperations() {
    CapabilityStatement capabilities =
        anonymousClient().capabilities().ofType(CapabilityStatement.class).execute();
    CapabilityStatementRestResourceComponent library =
        capabilities.getRestFirstRep().getResource().stream()
            .filter(r -> r.getType().equals("Library"))
            .findFirst()
            .orElseThrow();
    assertThat(library.getSearchParam().stream().map(p -> p.getName()))
        .contains("review-status", "reading-grade");
    assertThat(library.getOperation().stream().map(o -> o.getName()))
        .contains("review", "approve", "retire", "record-given");
    assertThat(capabilities.getRestFirstRep().getOperation().stream().map(o -> o.getName()))
        .contains("review-report", "cds-feedback-report");
  }

  // --- helpers -------------------------------------------------------------------------------

  private Library call(String id, String operation, Parameters parameters) {
    return editorClient()
        .operation()
        .onInstance(new IdType("Library", id))
        .named(operation)
        .withParameters(parameters)
        .returnResourceType(Library.class)
        .execute();
  }

  private static Parameters reviewParameters(String reviewer, String date) {
    Parameters parameters = new Parameters();
    parameters.addParameter("reviewerName", new StringType(reviewer));
    parameters.addParameter("credentials", new StringType("MD"));
    parameters.addParameter("specialty", new StringType("Obstetrics and Gynecology"));
    if (date != null) {
      parameters.addParameter("date", new DateType(date));
    }
    parameters.addParameter(
        "comment", new StringType("Checked against current obstetric guidance"));
    return parameters;
  }

  /** Stores a copy of a seed page (Library and DocumentReference) under a new id. */
  private String copyOfSeed(String seedId, String newId) {
    IGenericClient editor = editorClient();
    Library library = library(seedId);
    library.setId(newId);
    library.setUrl(PackTerminology.libraryUrl(newId));
    library.setMeta(null);
    editor.update().resource(library).execute();
    DocumentReference document =
        anonymousClient().read().resource(DocumentReference.class).withId(seedId).execute();
    document.setId(newId);
    document.setMeta(null);
    document.getContext().getRelated().clear();
    document.getContext().addRelated(new Reference("Library/" + newId));
    editor.update().resource(document).execute();
    return newId;
  }

  private List<Provenance> provenancesOf(String libraryId) {
    return smartClient("system/AuditEvent.rs") // Provenance is part of the audit trail
        .search()
        .byUrl("Provenance?target=Library/" + libraryId)
        .returnBundle(Bundle.class)
        .execute()
        .getEntry()
        .stream()
        .map(e -> (Provenance) e.getResource())
        .toList();
  }

  private Library library(String id) {
    return anonymousClient().read().resource(Library.class).withId(id).execute();
  }

  private Set<String> seedIdsWithState(String type, String state) {
    Bundle found =
        anonymousClient()
            .search()
            .byUrl(type + "?review-status=" + state + "&_id=" + String.join(",", SEEDS))
            .returnBundle(Bundle.class)
            .execute();
    return idsOf(found).stream().collect(Collectors.toSet());
  }

  private static List<String> idsOf(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }

  private static int version(Library library) {
    return Integer.parseInt(library.getIdElement().getVersionIdPart());
  }

  private static String reviewStatus(org.hl7.fhir.r4.model.DomainResource resource) {
    return resource
        .getExtensionByUrl(PackTerminology.EXT_REVIEW_STATUS)
        .getValue()
        .primitiveValue();
  }

  private static void assertRefused(
      Class<? extends BaseServerResponseException> type,
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
      String message) {
    assertThatThrownBy(call)
        .isInstanceOf(type)
        .satisfies(
            e ->
                assertThat(
                        ((BaseServerResponseException) e).getOperationOutcome() == null
                            ? e.getMessage()
                            : fhirContext()
                                .newJsonParser()
                                .encodeResourceToString(
                                    ((BaseServerResponseException) e).getOperationOutcome()))
                    .contains(message));
  }
}
