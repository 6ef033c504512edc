package org.patientedu.cdshooks;

import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestContextJson;
import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.patientedu.education.EducationQuery;
import org.patientedu.educationgiven.EducationGivenRecords;

/**
 * Reads what a hook call says about the chart: who and where (context), which codes call for
 * education (the encounter's reasons, diagnoses and type, the patient's active conditions, or the
 * draft oxytocin order), and the patient's preferred language. Missing context is the caller's
 * mistake (400); missing clinical data the service needs is 412, as CDS Hooks says.
 */
final class ChartReader {

  static final String PATIENT = "patient";
  static final String ENCOUNTER = "encounter";
  static final String CONDITIONS = "conditions";

  private static final Set<String> ACTIVE_CLINICAL_STATUS =
      Set.of("active", "recurrence", "relapse");
  private static final Set<String> UNTRUE_VERIFICATION = Set.of("refuted", "entered-in-error");

  /**
   * @param patient "Patient/id"
   * @param encounter "Encounter/id", null when the hook names none
   * @param practitioner the user when a Practitioner or PractitionerRole, else null
   * @param user the hook's userId (e.g. Practitioner/123)
   * @param fhirServer the EHR's FHIR server base the hook named, null when none
   * @param language the patient's preferred language (primary subtag), null when not stated
   * @param criteria the codes asked, most telling first
   * @param reasons the encounter's reasons, for the education-given Procedure
   */
  record Chart(
      String patient,
      String encounter,
      String practitioner,
      String user,
      String fhirServer,
      String language,
      List<EducationQuery.Criterion> criteria,
      EducationGivenRecords.Reasons reasons) {}

  private ChartReader() {}

  static Chart read(Hook hook, CdsServiceRequestJson request) {
    CdsServiceRequestContextJson context = request.getContext();
    String patientId = contextString(context, "patientId", true);
    String userId = contextString(context, "userId", true);
    String encounterId = contextString(context, "encounterId", hook.encounterRequired());
    Patient patient = prefetched(request, PATIENT, Patient.class);
    Map<String, EducationQuery.Criterion> criteria = new LinkedHashMap<>();
    List<Coding> reasonCodes = new ArrayList<>();
    List<String> reasonConditions = new ArrayList<>();
    if (hook.orders()) {
      for (MedicationRequest order : draftOrders(hook, context)) {
        add(criteria, order.getMedicationCodeableConcept());
      }
    } else {
      Map<String, Condition> conditions = conditions(request);
      if (hook == Hook.ENCOUNTER_START) {
        Encounter encounter = prefetched(request, ENCOUNTER, Encounter.class);
        for (CodeableConcept reason : encounter.getReasonCode()) {
          add(criteria, reason);
          reasonCodes.addAll(reason.getCoding());
        }
        List<Reference> conditionReferences = new ArrayList<>(encounter.getReasonReference());
        encounter.getDiagnosis().forEach(d -> conditionReferences.add(d.getCondition()));
        for (Reference reference : conditionReferences) {
          Condition condition = conditions.get(idPart(reference.getReference()));
          if (condition != null) {
            add(criteria, condition.getCode());
            reasonConditions.add("Condition/" + condition.getIdElement().getIdPart());
          }
        }
        encounter.getType().forEach(type -> add(criteria, type));
      }
      conditions.values().stream()
          .filter(ChartReader::activeAndTrue)
          .forEach(condition -> add(criteria, condition.getCode()));
    }
    return new Chart(
        "Patient/" + patientId,
        encounterId == null ? null : "Encounter/" + encounterId,
        userId.startsWith("Practitioner/") || userId.startsWith("PractitionerRole/")
            ? userId
            : null,
        userId,
        request.getFhirServer(),
        preferredLanguage(patient),
        List.copyOf(criteria.values()),
        new EducationGivenRecords.Reasons(reasonCodes, reasonConditions));
  }

  private static String contextString(
      CdsServiceRequestContextJson context, String key, boolean required) {
    Object value = context == null ? null : context.get(key);
    if (value == null) {
      if (required) {
        throw new InvalidRequestException("context." + key + " is required for this hook");
      }
      return null;
    }
    if (!(value instanceof String text) || text.isBlank()) {
      throw new InvalidRequestException("context." + key + " must be a non-empty string");
    }
    return text;
  }

  /** A prefetched resource the service needs; HAPI's module fetched it when the EHR did not. */
  private static <T extends Resource> T prefetched(
      CdsServiceRequestJson request, String key, Class<T> type) {
    IBaseResource resource = request.getPrefetch(key);
    if (resource == null) {
      throw new PreconditionFailedException(
          "The service needs the prefetch '" + key + "' and the request has none");
    }
    if (!type.isInstance(resource)) {
      throw new PreconditionFailedException(
          "The prefetch '"
              + key
              + "' must be a "
              + type.getSimpleName()
              + ", not a "
              + resource.fhirType());
    }
    return type.cast(resource);
  }

  /** The conditions bundle, by id; an empty search answer is fine. */
  private static Map<String, Condition> conditions(CdsServiceRequestJson request) {
    Bundle bundle = prefetched(request, CONDITIONS, Bundle.class);
    Map<String, Condition> conditions = new LinkedHashMap<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof Condition condition) {
        conditions.put(condition.getIdElement().getIdPart(), condition);
      }
    }
    return conditions;
  }

  private static List<MedicationRequest> draftOrders(
      Hook hook, CdsServiceRequestContextJson context) {
    Object value = context == null ? null : context.get("draftOrders");
    if (!(value instanceof Bundle bundle)) {
      throw new InvalidRequestException("context.draftOrders is required: a Bundle of the orders");
    }
    List<String> selections = List.of();
    if (hook == Hook.ORDER_SELECT) {
      Object selected = context.get("selections");
      if (!(selected instanceof List<?> list) || list.isEmpty()) {
        throw new InvalidRequestException(
            "context.selections is required for order-select: the ids of the orders selected");
      }
      selections = list.stream().map(String::valueOf).toList();
    }
    List<MedicationRequest> orders = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof MedicationRequest order
          && order.getStatus() == MedicationRequest.MedicationRequestStatus.DRAFT
          && order.hasMedicationCodeableConcept()) {
        String id = "MedicationRequest/" + order.getIdElement().getIdPart();
        if (hook != Hook.ORDER_SELECT || selections.contains(id)) {
          orders.add(order);
        }
      }
    }
    return orders;
  }

  private static boolean activeAndTrue(Condition condition) {
    boolean active =
        !condition.hasClinicalStatus()
            || condition.getClinicalStatus().getCoding().stream()
                .anyMatch(c -> ACTIVE_CLINICAL_STATUS.contains(c.getCode()));
    boolean untrue =
        condition.hasVerificationStatus()
            && condition.getVerificationStatus().getCoding().stream()
                .anyMatch(c -> UNTRUE_VERIFICATION.contains(c.getCode()));
    return active && !untrue;
  }

  private static void add(Map<String, EducationQuery.Criterion> criteria, CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      if (coding.hasSystem() && coding.hasCode()) {
        criteria.putIfAbsent(
            coding.getSystem() + "|" + coding.getCode(),
            EducationQuery.Criterion.code(
                coding.getSystem(), coding.getCode(), coding.getDisplay()));
      }
    }
  }

  private static String idPart(String reference) {
    if (reference == null) {
      return "";
    }
    String[] parts = reference.split("/");
    return parts.length >= 2 && "Condition".equals(parts[parts.length - 2])
        ? parts[parts.length - 1]
        : "";
  }

  /** The patient's preferred language (else the first stated), as a primary subtag. */
  private static String preferredLanguage(Patient patient) {
    return patient.getCommunication().stream()
        .sorted((a, b) -> Boolean.compare(b.getPreferred(), a.getPreferred()))
        .flatMap(c -> c.getLanguage().getCoding().stream())
        .map(Coding::getCode)
        .filter(code -> code != null && code.matches("[A-Za-z]{2,3}(-.*)?"))
        .map(code -> code.split("-")[0].toLowerCase(Locale.ROOT))
        .findFirst()
        .orElse(null);
  }
}
