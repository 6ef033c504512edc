package org.patientedu.educationgiven;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
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
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.patientedu.education.HandoutAddresses;

/**
 * Stores the education-given record in this server: the DocumentReference and the Procedure in one
 * FHIR transaction, for an approved page only. The one way in for {@code $record-given} and for the
 * handout page's "Record as given" form.
 */
final class EducationGivenStore {

  /** What was stored, as stored. */
  record Stored(DocumentReference document, Procedure procedure) {}

  private final DaoRegistry daoRegistry;
  private final HandoutAddresses addresses;
  private final Clock clock;

  EducationGivenStore(DaoRegistry daoRegistry, HandoutAddresses addresses, Clock clock) {
    this.daoRegistry = daoRegistry;
    this.addresses = addresses;
    this.clock = clock;
  }

  /**
   * The page as stored now, if it is approved (active).
   *
   * @throws ResourceNotFoundException no such page
   * @throws UnprocessableEntityException a draft or retired page
   */
  Library approvedLibrary(String id) {
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

  /**
   * Stores the record of {@code library} given, with the request's credentials (so a REST caller's
   * scopes decide the writes and its audit trail records them).
   *
   * @param language the language given (BCP 47); null: the page's own
   * @param nested true inside a transaction the caller holds (it commits or rolls back both)
   */
  Stored store(
      Library library,
      String patient,
      String encounter,
      String practitioner,
      Medium medium,
      String language,
      RequestDetails request,
      boolean nested) {
    if (addresses.configuredBase().isEmpty()) {
      throw new PreconditionFailedException(
          "This server has no public address (edu.handouts.public-base-url is not set), so the"
              + " record cannot say where the handout given is read; ask its operator to set it");
    }
    String pageLanguage = primarySubtag(library.getLanguage());
    String languageGiven =
        language == null || language.isBlank() ? pageLanguage : language.toLowerCase(Locale.ROOT);
    if (!offeredIn(library, languageGiven)) {
      throw new InvalidRequestException(
          "The page " + library.getIdPart() + " is not offered in '" + languageGiven + "'");
    }
    String pageId = library.getIdElement().getIdPart();
    String address =
        medium == Medium.PDF
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
                patient, encounter, practitioner, medium, languageGiven, clock.instant()),
            reasonsOf(encounter),
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
    Bundle response =
        (Bundle)
            (nested
                ? daoRegistry.getSystemDao().transactionNested(request, transaction)
                : daoRegistry.getSystemDao().transaction(request, transaction));
    return new Stored(
        stored(DocumentReference.class, response.getEntry().get(0)),
        stored(Procedure.class, response.getEntry().get(1)));
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

  private <T extends Resource> T stored(Class<T> type, Bundle.BundleEntryComponent entry) {
    IdType id = new IdType(entry.getResponse().getLocation());
    return daoRegistry.getResourceDao(type).read(id, new SystemRequestDetails());
  }
}
