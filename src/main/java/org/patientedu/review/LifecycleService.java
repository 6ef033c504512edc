package org.patientedu.review;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IAnyResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.fhir.CreditElements;
import org.patientedu.contentpack.page.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Review, approval and retirement of a page. Each call makes a new version of the Library and of
 * its DocumentReference (same id) and records a Provenance naming who did it, in one database
 * transaction: all of it happens or none of it.
 */
@Service
public class LifecycleService {

  /** A review by a named clinician. Date null means today. */
  public record Review(
      String reviewerName, String credentials, String specialty, LocalDate date, String comment) {}

  /** Until SMART authorization names the person, the credential is all we know of an editor. */
  private static final String EDITOR = "Editor (bearer-token credential)";

  private final DaoRegistry daoRegistry;
  private final TransactionTemplate transaction;
  private final ReviewPolicy policy;
  private final Clock clock;

  LifecycleService(
      DaoRegistry daoRegistry,
      PlatformTransactionManager transactionManager,
      ReviewPolicy policy,
      Clock clock) {
    this.daoRegistry = daoRegistry;
    this.transaction = new TransactionTemplate(transactionManager);
    this.policy = policy;
    this.clock = clock;
  }

  public Library review(String id, Review review) {
    if (review.reviewerName() == null || review.reviewerName().isBlank()) {
      throw new InvalidRequestException(
          "$review needs reviewerName: the clinician who reviewed the page.");
    }
    LocalDate date = dateOrToday(review.date(), "review");
    return transaction.execute(
        status -> {
          Library library = readLibrary(id);
          if (library.getStatus() == PublicationStatus.RETIRED) {
            throw new UnprocessableEntityException(
                "Library/"
                    + id
                    + " is retired; it is never reactivated or"
                    + " re-reviewed (CRMI). Publish a new version instead.");
          }
          Person reviewer = reviewer(review);
          // our own review: the source's words for its review date no longer apply
          library.setLastReviewDateElement(new DateType(date.toString()));
          library.setReviewer(List.of(CreditElements.reviewer(reviewer)));
          Library saved = save(library);

          Optional<DocumentReference> document =
              readDocument(id)
                  .map(
                      doc -> {
                        CreditElements.setReview(
                            doc, new DateType(date.toString()), List.of(reviewer));
                        return save(doc);
                      });
          recordProvenance(
              "review",
              "verifier",
              reviewer.nameWithCredentialsAndSpecialty(),
              date,
              review.comment(),
              saved,
              document);
          return saved;
        });
  }

  public Library approve(String id, LocalDate requestedDate, String comment) {
    LocalDate date = dateOrToday(requestedDate, "approval");
    return transaction.execute(
        status -> {
          Library library = readLibrary(id);
          switch (library.getStatus()) {
            case ACTIVE ->
                throw new UnprocessableEntityException("Library/" + id + " is already active.");
            case RETIRED ->
                throw new UnprocessableEntityException(
                    "Library/"
                        + id
                        + " is retired and is never"
                        + " reactivated (CRMI). Publish a new version instead.");
            default -> {}
          }
          ReviewAssessment assessment = ReviewStamper.assess(policy, library, LocalDate.now(clock));
          if (assessment.status() == ReviewStatus.NEVER_REVIEWED) {
            throw new UnprocessableEntityException(
                "Library/"
                    + id
                    + " was never medically reviewed; record a review"
                    + " with $review before approving it.");
          }
          if (assessment.status() == ReviewStatus.PUBLISHER_REVIEWED) {
            throw new UnprocessableEntityException(
                "Library/"
                    + id
                    + " was reviewed by its publisher only; no clinician is named. Record a"
                    + " review by a named clinician with $review before approving it.");
          }
          if (assessment.status() == ReviewStatus.OVERDUE) {
            throw new UnprocessableEntityException(
                "Library/"
                    + id
                    + " is overdue for review (due "
                    + assessment.dueDate()
                    + "); record a new review with $review before approving it.");
          }
          library.setStatus(PublicationStatus.ACTIVE);
          library.setApprovalDateElement(new DateType(date.toString()));
          // in use from its approval; the review stamp sets the end (the next review's due date)
          library.setEffectivePeriod(
              new Period().setStartElement(new DateTimeType(date.toString())));
          Library saved = save(library, LifecycleRules.APPROVE);
          Optional<DocumentReference> document =
              readDocument(id)
                  .map(
                      doc -> {
                        doc.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
                        return save(doc, LifecycleRules.APPROVE);
                      });
          recordProvenance("approve", "attester", EDITOR, date, comment, saved, document);
          return saved;
        });
  }

  public Library retire(String id, LocalDate requestedDate, String comment) {
    LocalDate date = dateOrToday(requestedDate, "retirement");
    return transaction.execute(
        status -> {
          Library library = readLibrary(id);
          if (library.getStatus() != PublicationStatus.ACTIVE) {
            throw new UnprocessableEntityException(
                "Library/"
                    + id
                    + " is "
                    + library.getStatus().toCode()
                    + "; only active content is retired (CRMI).");
          }
          library.setStatus(PublicationStatus.RETIRED);
          library.getEffectivePeriod().setEndElement(new DateTimeType(date.toString()));
          Library saved = save(library);
          Optional<DocumentReference> document =
              readDocument(id)
                  .map(
                      doc -> {
                        doc.setStatus(DocumentReferenceStatus.SUPERSEDED);
                        return save(doc);
                      });
          recordProvenance("retire", "custodian", EDITOR, date, comment, saved, document);
          return saved;
        });
  }

  private LocalDate dateOrToday(LocalDate date, String what) {
    LocalDate today = LocalDate.now(clock);
    if (date == null) {
      return today;
    }
    if (date.isAfter(today)) {
      throw new InvalidRequestException("The " + what + " date " + date + " is in the future.");
    }
    return date;
  }

  private Library readLibrary(String id) {
    return (Library) dao("Library").read(new IdType("Library", id), new SystemRequestDetails());
  }

  /**
   * The page's DocumentReference, if it has one. Looked up by a search, not a read: a read of a
   * missing resource throws inside this transaction and marks it rollback-only, so the whole
   * operation on a Library without a DocumentReference failed with a 500.
   */
  private Optional<DocumentReference> readDocument(String id) {
    SearchParameterMap byId = SearchParameterMap.newSynchronous();
    byId.add(IAnyResource.SP_RES_ID, new TokenParam(id));
    return dao("DocumentReference")
        .search(byId, new SystemRequestDetails())
        .getAllResources()
        .stream()
        .map(DocumentReference.class::cast)
        .findFirst();
  }

  private <T extends Resource> T save(T resource) {
    return save(resource, null);
  }

  /**
   * @param operation the lifecycle operation making this write, for the storage rules that only it
   *     may pass ({@link LifecycleRules#APPROVE}), or null
   */
  @SuppressWarnings("unchecked")
  private <T extends Resource> T save(T resource, String operation) {
    IFhirResourceDao<T> dao = (IFhirResourceDao<T>) dao(resource.fhirType());
    resource.getMeta().setSource(null); // this version comes from the operation, not a pack file
    SystemRequestDetails request = new SystemRequestDetails();
    if (operation != null) {
      LifecycleRules.markOperation(request, operation);
    }
    IdType saved = (IdType) dao.update(resource, request).getId();
    return dao.read(saved, new SystemRequestDetails());
  }

  @SuppressWarnings("rawtypes")
  private IFhirResourceDao dao(String type) {
    return daoRegistry.getResourceDao(type);
  }

  private void recordProvenance(
      String action,
      String role,
      String who,
      LocalDate date,
      String comment,
      Library library,
      Optional<DocumentReference> document) {
    Provenance provenance = new Provenance();
    provenance.addTarget(new Reference(library.getIdElement().toUnqualified()));
    document.ifPresent(
        doc -> provenance.addTarget(new Reference(doc.getIdElement().toUnqualified())));
    provenance.setOccurred(new DateTimeType(date.toString()));
    provenance.setRecorded(Date.from(clock.instant()));
    provenance.setActivity(
        new CodeableConcept(new Coding(PackTerminology.DATA_OPERATION, "UPDATE", "revise"))
            .setText(action));
    provenance
        .addAgent()
        .setType(
            new CodeableConcept(
                new Coding(PackTerminology.PROVENANCE_PARTICIPANT_TYPE, role, null)))
        .setWho(new Reference().setDisplay(who));
    if (comment != null) {
      provenance.addReason(new CodeableConcept().setText(comment));
    }
    dao("Provenance").create(provenance, new SystemRequestDetails());
  }

  private static Person reviewer(Review review) {
    return new Person(
        review.reviewerName().strip(), review.credentials(), review.specialty(), false);
  }
}
