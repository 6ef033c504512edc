package org.patientedu.cdshooks;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.cdshooks.CdsServiceRequestJson;
import ca.uhn.hapi.fhir.cdshooks.api.CdsPrefetchFailureMode;
import ca.uhn.hapi.fhir.cdshooks.api.CdsResolutionStrategyEnum;
import ca.uhn.hapi.fhir.cdshooks.api.ICdsServiceRegistry;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patientedu.cdshooks.feedback.FeedbackLedger;
import org.patientedu.education.EducationFinder;
import org.patientedu.education.EducationMatch;
import org.patientedu.education.EducationQuery;
import org.patientedu.educationgiven.CatalogDocuments;
import org.springframework.beans.factory.InitializingBean;

/**
 * The four services, registered with HAPI's registry (which answers discovery and fetches missing
 * prefetch from the EHR's {@code fhirServer}), and what each does when called: read the chart, ask
 * the shared education answer, build the cards, remember them for feedback.
 */
final class EducationServices implements InitializingBean {

  static final String SERVICE_GROUP = "patient-education";

  static final String PATIENT_PREFETCH = "Patient/{{context.patientId}}";
  static final String CONDITIONS_PREFETCH =
      "Condition?patient={{context.patientId}}&clinical-status=active";
  static final String ENCOUNTER_PREFETCH = "Encounter/{{context.encounterId}}";

  static final String USAGE_REQUIREMENTS =
      "Sign every call with a JWT (ES384 or RS384) from an issuer configured on this server"
          + " (edu.cds-hooks.clients). Send the prefetch listed, or a fhirServer (https) and"
          + " fhirAuthorization allowing this service to read the patient, the encounter and the"
          + " patient's conditions. Cards link to handouts on this server's public address.";

  /** One service: its id, hook, and what discovery says. */
  record Definition(
      String id, Hook hook, String title, String description, Map<String, String> prefetch) {}

  static final List<Definition> DEFINITIONS =
      List.of(
          new Definition(
              "patient-education-patient-view",
              Hook.PATIENT_VIEW,
              "Patient education for the chart",
              "Reviewed patient education (labor and delivery, lactation, pain management) for"
                  + " the patient's active conditions, with a record-as-given suggestion when an"
                  + " encounter is open.",
              prefetch(false)),
          new Definition(
              "patient-education-encounter-start",
              Hook.ENCOUNTER_START,
              "Patient education for the encounter",
              "Reviewed patient education for the encounter's reasons, diagnoses and type and the"
                  + " patient's active conditions; accepting the card records the education given.",
              prefetch(true)),
          new Definition(
              "patient-education-order-select",
              Hook.ORDER_SELECT,
              "Patient education for a selected order",
              "Labor and delivery education when oxytocin (RxNorm) is selected in a draft"
                  + " medication order.",
              Map.of(ChartReader.PATIENT, PATIENT_PREFETCH)),
          new Definition(
              "patient-education-order-sign",
              Hook.ORDER_SIGN,
              "Patient education for orders being signed",
              "Labor and delivery education when a draft medication order for oxytocin (RxNorm)"
                  + " is about to be signed.",
              Map.of(ChartReader.PATIENT, PATIENT_PREFETCH)));

  private final ICdsServiceRegistry registry;
  private final EducationFinder finder;
  private final CardBuilder cards;
  private final FeedbackLedger ledger;
  private final DaoRegistry daoRegistry;
  private final int maxCards;

  EducationServices(
      ICdsServiceRegistry registry,
      EducationFinder finder,
      CardBuilder cards,
      FeedbackLedger ledger,
      DaoRegistry daoRegistry,
      int maxCards) {
    this.registry = registry;
    this.finder = finder;
    this.cards = cards;
    this.ledger = ledger;
    this.daoRegistry = daoRegistry;
    this.maxCards = maxCards;
  }

  @Override
  public void afterPropertiesSet() {
    for (Definition definition : DEFINITIONS) {
      EducationServiceJson json =
          new EducationServiceJson().setUsageRequirements(USAGE_REQUIREMENTS);
      json.setId(definition.id());
      json.setHook(definition.hook().code());
      json.setTitle(definition.title());
      json.setDescription(definition.description());
      // Missing prefetch is fetched from the EHR's fhirServer with its fhirAuthorization, never
      // from this server's own store (it holds no chart of the EHR's); a failed fetch is a 412.
      definition
          .prefetch()
          .forEach(
              (key, query) -> {
                json.addPrefetch(key, query);
                json.addSource(key, CdsResolutionStrategyEnum.FHIR_CLIENT);
                json.addPrefetchFailureMode(key, CdsPrefetchFailureMode.FAIL);
              });
      registry.registerService(
          definition.id(), request -> answer(definition, request), json, true, SERVICE_GROUP);
    }
  }

  private CdsServiceResponseJson answer(Definition definition, CdsServiceRequestJson request) {
    ChartReader.Chart chart = ChartReader.read(definition.hook(), request);
    String language = chart.language() == null ? "en" : chart.language();
    List<EducationMatch> matches =
        chart.criteria().isEmpty()
            ? List.of()
            : finder.find(new EducationQuery(chart.criteria(), language, maxCards)).stream()
                .limit(maxCards)
                .toList();
    CdsServiceResponseJson response = new CdsServiceResponseJson();
    List<FeedbackLedger.IssuedCard> issued = new ArrayList<>();
    for (EducationMatch match : matches) {
      CardBuilder.IssuedCard card =
          cards.card(
              match,
              chart,
              language,
              CatalogDocuments.currentVersion(daoRegistry, match.page().id()));
      response.addCard(card.card());
      issued.add(
          new FeedbackLedger.IssuedCard(
              card.card().getUuid(), card.page().id(), card.page().versionId()));
    }
    if (!issued.isEmpty()) {
      ledger.cardsIssued(definition.id(), issued);
    }
    return response;
  }

  private static Map<String, String> prefetch(boolean encounter) {
    Map<String, String> prefetch = new LinkedHashMap<>();
    prefetch.put(ChartReader.PATIENT, PATIENT_PREFETCH);
    if (encounter) {
      prefetch.put(ChartReader.ENCOUNTER, ENCOUNTER_PREFETCH);
    }
    prefetch.put(ChartReader.CONDITIONS, CONDITIONS_PREFETCH);
    return prefetch;
  }
}
