package org.patientedu.review;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DocumentReference.ReferredDocumentStatus;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;

/**
 * The lifecycle rules every stored Library and DocumentReference obeys, whatever the write (PUT,
 * PATCH, a transaction entry, a conditional update, the pack load, the operations): checked where
 * HAPI stores, so no REST path goes round them. A page is in use (Library active, DocumentReference
 * final) only when a named clinician reviewed it: through {@code $review} then {@code $approve}, or
 * because the source itself names its medical reviewers (Healthwise) when it is first stored.
 */
final class LifecycleRules {

  /** The operation whose writes may put a page in use (see {@link #markOperation}). */
  static final String APPROVE = "approve";

  private static final String OPERATION = LifecycleRules.class.getName() + ".operation";

  /** Each rule's code, named in the refusal so an editor can look it up (README, the guide). */
  enum Rule {
    IN_USE_NEEDS_CLINICIAN_REVIEW("in-use-needs-clinician-review"),
    IN_USE_ONLY_THROUGH_APPROVE("in-use-only-through-approve"),
    APPROVAL_DATE_ONLY_FROM_APPROVE("approval-date-only-from-approve"),
    ACTIVE_NEVER_BACK_TO_DRAFT("active-never-back-to-draft"),
    RETIRED_NEVER_REACTIVATED("retired-never-reactivated");

    private final String code;

    Rule(String code) {
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  private LifecycleRules() {}

  /** Marks a server-made write as done by a lifecycle operation. */
  static void markOperation(RequestDetails request, String operation) {
    request.getUserData().put(OPERATION, operation);
  }

  private static boolean by(RequestDetails request, String operation) {
    return request != null && operation.equals(request.getUserData().get(OPERATION));
  }

  /**
   * @param before the stored version, or null when the write creates the resource
   * @throws UnprocessableEntityException naming the rule the write breaks
   */
  static void check(IBaseResource before, IBaseResource after, RequestDetails request) {
    if (after instanceof Library library) {
      checkLibrary(before instanceof Library stored ? stored : null, library, request);
    } else if (after instanceof DocumentReference document) {
      checkDocument(before instanceof DocumentReference stored ? stored : null, document, request);
    }
  }

  private static void checkLibrary(Library before, Library after, RequestDetails request) {
    String id = "Library/" + after.getIdElement().getIdPart();
    PublicationStatus was = before == null ? null : before.getStatus();
    PublicationStatus now = after.getStatus();
    if (was == PublicationStatus.RETIRED && now != PublicationStatus.RETIRED) {
      refuse(
          Rule.RETIRED_NEVER_REACTIVATED,
          id + " is retired and is never reactivated (CRMI); publish a new version instead.");
    }
    if (was == PublicationStatus.ACTIVE
        && now == PublicationStatus.DRAFT
        && reviewedByClinician(before)) {
      // A page that was active without a clinician's review (an older version allowed it) may be
      // corrected back to draft; a reviewed one may not.
      refuse(
          Rule.ACTIVE_NEVER_BACK_TO_DRAFT,
          id + " is active and cannot go back to draft (CRMI); publish a new version instead.");
    }
    if (now == PublicationStatus.ACTIVE && !reviewedByClinician(after)) {
      refuse(
          Rule.IN_USE_NEEDS_CLINICIAN_REVIEW,
          id
              + " cannot be active: it names no clinician as medical reviewer, or no review date."
              + " A page becomes active through $review by a named clinician, then $approve.");
    }
    if (before != null
        && was != PublicationStatus.ACTIVE
        && now == PublicationStatus.ACTIVE
        && !by(request, APPROVE)) {
      refuse(
          Rule.IN_USE_ONLY_THROUGH_APPROVE,
          id + " is " + code(was) + "; it becomes active only through $approve.");
    }
    String approvedBefore = before == null ? null : before.getApprovalDateElement().asStringValue();
    String approvedNow = after.getApprovalDateElement().asStringValue();
    if (approvedNow != null && !approvedNow.equals(approvedBefore) && !by(request, APPROVE)) {
      refuse(
          Rule.APPROVAL_DATE_ONLY_FROM_APPROVE,
          id + ": approvalDate records an approval on this server; only $approve sets it.");
    }
  }

  private static void checkDocument(
      DocumentReference before, DocumentReference after, RequestDetails request) {
    String id = "DocumentReference/" + after.getIdElement().getIdPart();
    ReferredDocumentStatus was = before == null ? null : before.getDocStatus();
    ReferredDocumentStatus now = after.getDocStatus();
    if (now == ReferredDocumentStatus.FINAL && !reviewedByClinician(after)) {
      refuse(
          Rule.IN_USE_NEEDS_CLINICIAN_REVIEW,
          id
              + " cannot be final: it names no clinician as medical reviewer, or no review date."
              + " A page is approved through $review by a named clinician, then $approve.");
    }
    if (before != null
        && was != ReferredDocumentStatus.FINAL
        && now == ReferredDocumentStatus.FINAL
        && !by(request, APPROVE)) {
      refuse(
          Rule.IN_USE_ONLY_THROUGH_APPROVE,
          id
              + " is "
              + (was == null ? "without a docStatus" : was.toCode())
              + "; it becomes final only through $approve on its Library.");
    }
  }

  private static boolean reviewedByClinician(Library library) {
    return library.hasLastReviewDate() && ReviewStamper.clinicianNamed(library);
  }

  private static boolean reviewedByClinician(DocumentReference document) {
    return ReviewStamper.lastReviewDate(document) != null && ReviewStamper.clinicianNamed(document);
  }

  private static String code(PublicationStatus status) {
    return Objects.requireNonNullElse(status == null ? null : status.toCode(), "without a status");
  }

  private static void refuse(Rule rule, String message) {
    throw new UnprocessableEntityException("Lifecycle rule '" + rule.code() + "': " + message);
  }
}
