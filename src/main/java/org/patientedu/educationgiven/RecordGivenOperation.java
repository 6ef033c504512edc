package org.patientedu.educationgiven;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.education.HandoutAddresses;

/**
 * {@code POST /fhir/Library/{id}/$record-given}: this server stores the education-given record
 * itself (for EHRs that keep it with the content service): the DocumentReference and the Procedure
 * in one transaction, answered as the stored resources. The transaction runs with the caller's
 * request, so the caller's scopes decide the writes (system/DocumentReference.c and
 * system/Procedure.c) and the audit trail records them.
 */
public class RecordGivenOperation {

  public static final String NAME = PackTerminology.OPERATION_RECORD_GIVEN;

  private final DaoRegistry daoRegistry;
  private final HandoutAddresses addresses;
  private final Clock clock;

  RecordGivenOperation(DaoRegistry daoRegistry, HandoutAddresses addresses, Clock clock) {
    this.daoRegistry = daoRegistry;
    this.addresses = addresses;
    this.clock = clock;
  }

  @Operation(name = NAME, type = Library.class, idempotent = false)
  public Parameters recordGiven(
      @IdParam IdType libraryId,
      @OperationParam(name = "patient", min = 1, max = 1) Reference patient,
      @OperationParam(name = "encounter", min = 1, max = 1) Reference encounter,
      @OperationParam(name = "practitioner", max = 1) Reference practitioner,
      @OperationParam(name = "medium", min = 1, max = 1) CodeType medium,
      @OperationParam(name = "language", max = 1) CodeType language,
      RequestDetails request) {
    String patientRef = reference(patient, "patient", "Patient");
    String encounterRef = reference(encounter, "encounter", "Encounter");
    String practitionerRef =
        practitioner == null || !practitioner.hasReference()
            ? null
            : reference(practitioner, "practitioner", "Practitioner", "PractitionerRole");
    Medium given =
        Medium.fromCode(medium == null ? "" : medium.getValue())
            .orElseThrow(
                () ->
                    new InvalidRequestException(
                        "medium must be one of " + Medium.codes() + " (the way it was given)"));
    if (addresses.configuredBase().isEmpty()) {
      throw new PreconditionFailedException(
          "This server has no public address (edu.handouts.public-base-url is not set), so the"
              + " record cannot say where the handout given is read; ask its operator to set it");
    }
    Library library = approvedLibrary(libraryId.getIdPart());
    String pageLanguage = primarySubtag(library.getLanguage());
    String languageGiven =
        language == null || !language.hasValue()
            ? pageLanguage
            : language.getValue().toLowerCase(Locale.ROOT);
    if (!offeredIn(library, languageGiven)) {
      throw new InvalidRequestException(
          "The page " + library.getIdPart() + " is not offered in '" + languageGiven + "'");
    }
    String pageId = library.getIdElement().getIdPart();
    String address =
        given == Medium.PDF
            ? addresses.pdf(pageId)
            : addresses.page(pageId, languageGiven.equals(pageLanguage) ? null : languageGiven);
    EducationGivenRecords.Records records =
        EducationGivenRecords.build(
            "",
            new EducationGivenRecords.Handout(
                pageId,
                library.getIdElement().getVersionIdPartAsLong(),
                CatalogDocuments.currentVersion(daoRegistry, pageId),
                library.hasTitle() ? library.getTitle() : library.getName(),
                address),
            new EducationGivenRecords.Given(
                patientRef, encounterRef, practitionerRef, given, languageGiven, clock.instant()),
            reasonsOf(encounterRef),
            true);
    Bundle transaction = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    transaction
        .addEntry()
        .setFullUrl(records.documentUrn())
        .setResource(records.document())
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("DocumentReference");
    transaction
        .addEntry()
        .setResource(records.procedure())
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Procedure");
    Bundle response = (Bundle) daoRegistry.getSystemDao().transaction(request, transaction);
    Parameters answer = new Parameters();
    answer
        .addParameter()
        .setName("documentReference")
        .setResource(stored(DocumentReference.class, response.getEntry().get(0)));
    answer
        .addParameter()
        .setName("procedure")
        .setResource(stored(Procedure.class, response.getEntry().get(1)));
    return answer;
  }

  private Library approvedLibrary(String id) {
    Library library;
    try {
      library =
          daoRegistry
              .getResourceDao(Library.class)
              .read(new IdType("Library", id), new SystemRequestDetails());
    } catch (ResourceGoneException gone) {
      throw new ResourceNotFoundException("Library/" + id + " was deleted");
    }
    if (library.getStatus() != PublicationStatus.ACTIVE) {
      throw new UnprocessableEntityException(
          "Library/"
              + id
              + " is "
              + (library.hasStatus() ? library.getStatus().toCode() : "of no status")
              + ", not approved: only approved (active) pages are recorded as given");
    }
    return library;
  }

  /** The encounter's reasons and diagnoses, when it is stored here; none otherwise. */
  private EducationGivenRecords.Reasons reasonsOf(String encounterRef) {
    IdType id = new IdType(encounterRef);
    if (id.isAbsolute()) {
      return EducationGivenRecords.Reasons.none();
    }
    Encounter encounter;
    try {
      encounter = daoRegistry.getResourceDao(Encounter.class).read(id, new SystemRequestDetails());
    } catch (ResourceNotFoundException | ResourceGoneException missing) {
      throw new UnprocessableEntityException(
          encounterRef + " is not stored on this server; give an absolute reference to the EHR's");
    }
    List<Coding> codes = new ArrayList<>();
    encounter.getReasonCode().forEach(reason -> codes.addAll(reason.getCoding()));
    List<String> conditions = new ArrayList<>();
    encounter.getDiagnosis().stream()
        .filter(d -> d.hasCondition() && d.getCondition().hasReference())
        .forEach(d -> conditions.add(d.getCondition().getReference()));
    return new EducationGivenRecords.Reasons(codes, conditions);
  }

  private static String reference(Reference reference, String name, String... types) {
    if (reference == null || !reference.hasReference()) {
      throw new InvalidRequestException(
          name + " is required (a reference such as " + types[0] + "/123)");
    }
    IdType id = new IdType(reference.getReference());
    if (!id.hasIdPart() || !List.of(types).contains(id.getResourceType())) {
      throw new InvalidRequestException(
          name
              + " must reference a "
              + String.join(" or ", types)
              + ", not '"
              + reference.getReference()
              + "'");
    }
    return reference.getReference();
  }

  private static boolean offeredIn(Library library, String language) {
    if (primarySubtag(library.getLanguage()).equals(language)) {
      return true;
    }
    for (Attachment attachment : library.getContent()) {
      if (attachment.hasLanguage() && primarySubtag(attachment.getLanguage()).equals(language)) {
        return true;
      }
    }
    return false;
  }

  private static String primarySubtag(String tag) {
    if (tag == null || tag.isBlank()) {
      return "en";
    }
    int dash = tag.indexOf('-');
    return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
  }

  private <T extends org.hl7.fhir.r4.model.Resource> T stored(
      Class<T> type, Bundle.BundleEntryComponent entry) {
    IdType id = new IdType(entry.getResponse().getLocation());
    return daoRegistry.getResourceDao(type).read(id, new SystemRequestDetails());
  }
}
