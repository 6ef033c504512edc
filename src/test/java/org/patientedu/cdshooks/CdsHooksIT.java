package org.patientedu.cdshooks;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.ig.IgPackage;
import org.patientedu.ig.ProfileValidation;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerProcess;
import org.patientedu.testing.SmartTestClients;
import org.patientedu.testing.SmartTokens;
import org.patientedu.testing.TestLibraries;

/**
 * The CDS Hooks services as an EHR calls them: plain HTTP, each call signed with the EHR's key (a
 * real EC P-384 or RSA key pair made here), on a server of its own (the packaged jar) with the
 * settings an operator sets. Expected pages come from the content pack's import.properties: for
 * labor and delivery and lactation only Healthwise is approved (lactation primary, labor
 * secondary), overdue for review on {@link RunningServerTest#TODAY}; the only pain-management page
 * of the pack is a draft. The test approves a page of its own for pain management, reviewed a month
 * before TODAY (current).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CdsHooksIT {

  private static final String PUBLIC_BASE = "https://education.example.org";
  private static final String EHR = "https://ehr.example.test";
  private static final String RSA_EHR = "rs-ehr";
  private static final String HEALTHWISE = "oxytocin-healthwise";
  private static final String PAIN_PAGE = "cds-pain-current";
  private static final String ENCOUNTER_START = "patient-education-encounter-start";
  private static final String PATIENT_VIEW = "patient-education-patient-view";
  private static final String ORDER_SELECT = "patient-education-order-select";
  private static final String ORDER_SIGN = "patient-education-order-sign";
  private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final String SNOMED = "http://snomed.info/sct";
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  /**
   * The nurse as the EHR knows her: this server holds no Practitioner, so an absolute reference.
   */
  private static final String NURSE_IN_EHR = EHR + "/fhir/Practitioner/nurse-1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final JWK EHR_KEY = SmartTestClients.ec("ehr-hooks-1");
  private static final JWK RSA_KEY = SmartTestClients.rsa("rs-ehr-1");

  /** The token the EHR hands the service (fhirAuthorization) for its FHIR server. */
  private static final String EHR_FHIR_TOKEN = "ehr-fhir-token-" + UUID.randomUUID();

  @TempDir static Path dir;
  private static ServerProcess server;
  private static EhrFhirServer ehrFhir;

  @BeforeAll
  static void start() throws Exception {
    Map<String, String> settings = new HashMap<>(SmartTestClients.properties());
    settings.put("edu.data-dir", dir.resolve("data").toString());
    settings.put("edu.review.today", RunningServerTest.TODAY.toString());
    settings.put("edu.handouts.public-base-url", PUBLIC_BASE);
    settings.put(
        "edu.cds-hooks.clients[" + EHR + "].jwks-file",
        SmartTestClients.publicJwksFile(EHR_KEY).toString());
    settings.put(
        "edu.cds-hooks.clients." + RSA_EHR + ".jwks", new JWKSet(RSA_KEY.toPublicJWK()).toString());
    settings.put("edu.security.cors-origins", EHR);
    // The first write validated against the guide's profiles warms the validator up (seconds).
    FHIR.getRestfulClientFactory().setSocketTimeout(120_000);
    Path keyStore = dir.resolve("ehr-fhir.p12");
    Path trustStore = dir.resolve("trust.p12");
    String password = EhrFhirServer.STORE_PASSWORD;
    keytool(
        "-genkeypair",
        "-alias",
        "ehr",
        "-keyalg",
        "EC",
        "-groupname",
        "secp256r1",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=dns:localhost,ip:127.0.0.1",
        "-validity",
        "2",
        "-keystore",
        keyStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password);
    Path certificate = dir.resolve("ehr-fhir.cer");
    keytool(
        "-exportcert",
        "-alias",
        "ehr",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        password,
        "-file",
        certificate.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "ehr",
        "-file",
        certificate.toString(),
        "-keystore",
        trustStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        password);
    ehrFhir = EhrFhirServer.start(keyStore, EHR_FHIR_TOKEN, dir.resolve("ehr-tomcat"));
    // The application trusts the EHR's certificate, as a hospital's would its own CA.
    // Its log is kept after the run (target/), for a failure's story.
    server =
        ServerProcess.startWithExtraJvmOptions(
            List.of(
                "-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStorePassword=" + password,
                "-Djavax.net.ssl.trustStoreType=PKCS12"),
            settings,
            Files.createDirectories(Path.of("target")).resolve("cds-hooks-it-server.log"));
    // Assigned before waiting, so @AfterAll stops a server that never became ready.
    server.awaitReady(Duration.ofMinutes(10));
    approvePainPage();
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
    if (ehrFhir != null) {
      ehrFhir.close();
    }
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    assertThat(keytool.waitFor()).as(output).isZero();
  }

  // --- discovery -------------------------------------------------------------------------------

  @Test
  @Order(1)
  void discoveryListsEveryServiceWithItsPrefetchAndUsageRequirements() throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/cds-services")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    JsonNode discovery = JSON.readTree(response.body());
    assertNoEmptyValues(discovery, "$");
    JsonNode services = discovery.get("services");
    assertThat(services).isNotEmpty();
    Map<String, JsonNode> byId = new HashMap<>();
    services.forEach(s -> byId.put(s.get("id").asText(), s));
    assertThat(byId).containsOnlyKeys(ENCOUNTER_START, PATIENT_VIEW, ORDER_SELECT, ORDER_SIGN);
    assertThat(byId.get(ENCOUNTER_START).get("hook").asText()).isEqualTo("encounter-start");
    assertThat(byId.get(PATIENT_VIEW).get("hook").asText()).isEqualTo("patient-view");
    assertThat(byId.get(ORDER_SELECT).get("hook").asText()).isEqualTo("order-select");
    assertThat(byId.get(ORDER_SIGN).get("hook").asText()).isEqualTo("order-sign");
    for (JsonNode service : services) {
      List<String> fields = new ArrayList<>();
      service.fieldNames().forEachRemaining(fields::add);
      assertThat(fields)
          .as(service.get("id").asText())
          .containsExactlyInAnyOrder(
              "hook", "id", "title", "description", "prefetch", "usageRequirements");
      assertThat(service.get("usageRequirements").asText()).contains("JWT");
    }
    JsonNode prefetch = byId.get(ENCOUNTER_START).get("prefetch");
    assertThat(prefetch.get("patient").asText()).isEqualTo("Patient/{{context.patientId}}");
    assertThat(prefetch.get("encounter").asText()).isEqualTo("Encounter/{{context.encounterId}}");
    assertThat(prefetch.get("conditions").asText())
        .isEqualTo("Condition?patient={{context.patientId}}&clinical-status=active");
  }

  // --- hooks with prefetch ---------------------------------------------------------------------

  @Test
  @Order(2)
  void encounterStartWithAChildIcd10CodeGivesAWarningCardWhoseSuggestionRecordsTheEducation()
      throws Exception {
    // O62.0 (primary inadequate contractions) is tagged on no page; it is below O62, in the labor
    // and delivery family, which Healthwise is tagged for.
    ObjectNode request =
        encounterStart("p1", "e1", icd("O62.0", "Primary inadequate contractions"));
    HttpResponse<String> response = call(ENCOUNTER_START, request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertNoEmptyValues(answer, "$");
    JsonNode card = single(answer.get("cards"));
    assertCardShape(card);
    assertThat(card.get("indicator").asText()).isEqualTo("warning");
    assertThat(card.get("summary").asText())
        .isEqualTo("Patient education (overdue for review): Oxytocin");
    assertThat(card.get("detail").asText())
        .contains("For: Labor and delivery (through its code family).")
        .contains("Reading level: grade ")
        .contains("Review status: Overdue for review.")
        .contains("Last reviewed April 13, 2022.")
        .contains("Check it against current guidance before handing it out.");
    JsonNode source = card.get("source");
    assertThat(source.get("label").asText())
        .isEqualTo("Healthwise, Incorporated via Patient education content module");
    assertThat(source.get("url").asText()).isEqualTo(PUBLIC_BASE + "/");
    assertThat(source.get("topic").get("system").asText())
        .isEqualTo("http://fhir.patientedu.org/CodeSystem/clinical-context");
    assertThat(source.get("topic").get("code").asText()).isEqualTo("labor-delivery");
    assertThat(urls(card))
        .containsExactly(
            PUBLIC_BASE + "/handouts/oxytocin-healthwise?patient=Patient/p1&encounter=Encounter/e1",
            PUBLIC_BASE + "/handouts/oxytocin-healthwise.pdf");
    assertThat(card.get("selectionBehavior").asText()).isEqualTo("at-most-one");
    assertThat(card.get("overrideReasons")).hasSize(3);

    JsonNode suggestions = card.get("suggestions");
    assertThat(suggestions).hasSize(3);
    JsonNode printed = suggestions.get(0);
    assertThat(printed.get("label").asText()).isEqualTo("Record as given: printed handout");
    assertThat(printed.get("isRecommended").asBoolean()).isTrue();
    JsonNode actions = printed.get("actions");
    assertThat(actions).hasSize(2);
    assertThat(actions.get(0).get("type").asText()).isEqualTo("create");
    DocumentReference given =
        (DocumentReference) parse(actions.get(0).get("resource"), DocumentReference.class);
    Procedure procedure = (Procedure) parse(actions.get(1).get("resource"), Procedure.class);

    assertThat(given.getSubject().getReference()).isEqualTo("Patient/p1");
    assertThat(given.getContext().getEncounterFirstRep().getReference()).isEqualTo("Encounter/e1");
    assertThat(given.getAuthorFirstRep().getReference()).isEqualTo("Practitioner/nurse-1");
    assertThat(given.getContext().getRelated().stream().map(Reference::getReference).toList())
        .containsExactly(
            PUBLIC_BASE
                + "/fhir/DocumentReference/oxytocin-healthwise/_history/"
                + stored("DocumentReference"),
            PUBLIC_BASE + "/fhir/Library/oxytocin-healthwise/_history/" + stored("Library"));
    assertThat(given.getContentFirstRep().getAttachment().getLanguage()).isEqualTo("en");
    assertThat(given.getContentFirstRep().getAttachment().getUrl())
        .isEqualTo(PUBLIC_BASE + "/handouts/oxytocin-healthwise");
    assertThat(
            ((Coding) given.getExtensionByUrl(PackTerminology.EXT_EDUCATION_MEDIUM).getValue())
                .getCode())
        .isEqualTo("printed");
    assertThat(procedure.getCode().getCodingFirstRep().getSystem()).isEqualTo(SNOMED);
    assertThat(procedure.getCode().getCodingFirstRep().getCode()).isEqualTo("311401005");
    assertThat(procedure.getStatus()).isEqualTo(Procedure.ProcedureStatus.COMPLETED);
    assertThat(procedure.getSubject().getReference()).isEqualTo("Patient/p1");
    assertThat(procedure.getEncounter().getReference()).isEqualTo("Encounter/e1");
    assertThat(procedure.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("O62.0");
    assertThat(procedure.getReportFirstRep().getIdentifier().getValue())
        .startsWith("urn:uuid:")
        .isEqualTo(given.getMasterIdentifier().getValue());

    FhirValidator validator = ProfileValidation.newValidator(FHIR, IgPackage.fromClasspath());
    assertThat(errors(validator, given, PackTerminology.PROFILE_EDUCATION_GIVEN)).isEmpty();
    assertThat(errors(validator, procedure, PackTerminology.PROFILE_EDUCATION_GIVEN_PROCEDURE))
        .isEmpty();
  }

  @Test
  @Order(3)
  void patientViewFindsEducationForAnActiveConditionAndHasNoSuggestionWithoutEncounter()
      throws Exception {
    ObjectNode request = request("patient-view", "p2", null);
    ((ObjectNode) request.get("prefetch"))
        .set(
            "conditions",
            bundle(
                condition("c1", SNOMED, "413712001", "Breastfeeding (mother)", "active"),
                // resolved: never asked about
                condition("c2", ICD10CM, "G89.4", "Chronic pain syndrome", "resolved")));
    HttpResponse<String> response = call(PATIENT_VIEW, request);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertNoEmptyValues(answer, "$");
    JsonNode card = single(answer.get("cards"));
    assertCardShape(card);
    assertThat(card.get("source").get("topic").get("code").asText()).isEqualTo("lactation");
    assertThat(card.get("detail").asText()).contains("For: Lactation and breastfeeding.");
    assertThat(card.has("suggestions")).isFalse();
    assertThat(card.has("selectionBehavior")).isFalse();
    assertThat(urls(card).get(0))
        .isEqualTo(PUBLIC_BASE + "/handouts/oxytocin-healthwise?patient=Patient/p2");
  }

  @Test
  @Order(4)
  void aPainEncounterNeverGetsTheDraftPageAndACurrentPageIsInfo() throws Exception {
    HttpResponse<String> response =
        call(ENCOUNTER_START, encounterStart("p3", "e3", icd("G89.4", "Chronic pain syndrome")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode card = single(JSON.readTree(response.body()).get("cards"));
    assertCardShape(card);
    assertThat(urls(card).get(0)).startsWith(PUBLIC_BASE + "/handouts/" + PAIN_PAGE + "?");
    assertThat(card.get("indicator").asText()).isEqualTo("info");
    assertThat(card.get("summary").asText()).isEqualTo("Patient education: Test page " + PAIN_PAGE);
  }

  @Test
  @Order(5)
  void aCodeWithNoApprovedEducationGivesNoCards() throws Exception {
    HttpResponse<String> response =
        call(ENCOUNTER_START, encounterStart("p4", "e4", icd("J45.909", "Asthma")));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(response.body()).get("cards")).isEmpty();
  }

  @Test
  @Order(6)
  void orderSelectAndOrderSignForOxytocinGiveLaborEducation() throws Exception {
    ObjectNode select = request("order-select", "p5", "e5");
    ObjectNode context = (ObjectNode) select.get("context");
    context.putArray("selections").add("MedicationRequest/mr1");
    context.set(
        "draftOrders", bundle(oxytocinOrder("mr1", "draft"), oxytocinOrder("mr2", "draft")));
    HttpResponse<String> selected = call(ORDER_SELECT, select);
    assertThat(selected.statusCode()).as(selected.body()).isEqualTo(200);
    JsonNode card = single(JSON.readTree(selected.body()).get("cards"));
    assertCardShape(card);
    assertThat(card.get("source").get("topic").get("code").asText()).isEqualTo("labor-delivery");
    assertThat(urls(card).get(0)).contains("/handouts/" + HEALTHWISE + "?");

    ObjectNode sign = request("order-sign", "p5", null);
    ((ObjectNode) sign.get("context")).set("draftOrders", bundle(oxytocinOrder("mr3", "draft")));
    HttpResponse<String> signed = call(ORDER_SIGN, sign);
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    assertThat(single(JSON.readTree(signed.body()).get("cards")).get("summary").asText())
        .contains("Oxytocin");

    // an active (already signed) order is not a draft: nothing to say
    ObjectNode active = request("order-sign", "p5", null);
    ((ObjectNode) active.get("context")).set("draftOrders", bundle(oxytocinOrder("mr4", "active")));
    assertThat(JSON.readTree(call(ORDER_SIGN, active).body()).get("cards")).isEmpty();
  }

  // --- without prefetch: the EHR's FHIR server ------------------------------------------------

  @Test
  @Order(7)
  void withoutPrefetchTheChartIsReadFromTheEhrsFhirServerWithTheTokenGiven() throws Exception {
    Patient patient = new Patient();
    patient.setId("p20");
    ehrFhir.store(patient);
    org.hl7.fhir.r4.model.Condition lactation = new org.hl7.fhir.r4.model.Condition();
    lactation.setId("c20");
    lactation.setSubject(new Reference("Patient/p20"));
    lactation.setClinicalStatus(
        new CodeableConcept(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", null)));
    // O92.5 is tagged on no page; it is below O92, in the lactation family
    lactation.setCode(icdConcept("O92.5", "Suppressed lactation"));
    ehrFhir.store(lactation);
    Encounter encounter = new Encounter();
    encounter.setId("e20");
    encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient"));
    encounter.setSubject(new Reference("Patient/p20"));
    encounter.addDiagnosis().setCondition(new Reference("Condition/c20"));
    ehrFhir.store(encounter);

    HttpResponse<String> response = call(ENCOUNTER_START, withoutPrefetch("e20", EHR_FHIR_TOKEN));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(response.body());
    assertNoEmptyValues(answer, "$");
    JsonNode card = single(answer.get("cards"));
    assertCardShape(card);
    assertThat(card.get("source").get("topic").get("code").asText()).isEqualTo("lactation");
    Procedure procedure =
        (Procedure)
            parse(
                card.get("suggestions").get(0).get("actions").get(1).get("resource"),
                Procedure.class);
    assertThat(procedure.getReasonReferenceFirstRep().getReference()).isEqualTo("Condition/c20");
    assertThat(ehrFhir.tokensSeen()).isNotEmpty().allMatch(("Bearer " + EHR_FHIR_TOKEN)::equals);

    // the EHR's server refuses another token: the service cannot get the data, 412
    HttpResponse<String> refused = call(ENCOUNTER_START, withoutPrefetch("e20", "stolen-token"));
    assertThat(refused.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("patient");
    // an encounter the EHR's server does not have: 412
    HttpResponse<String> missing = call(ENCOUNTER_START, withoutPrefetch("e404", EHR_FHIR_TOKEN));
    assertThat(missing.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("encounter");
  }

  /** An encounter-start call for patient p20 with no prefetch: the EHR's FHIR server instead. */
  private static ObjectNode withoutPrefetch(String encounterId, String token) {
    ObjectNode request = request("encounter-start", "p20", encounterId);
    request.remove("prefetch");
    request.put("fhirServer", ehrFhir.fhirBase());
    request
        .putObject("fhirAuthorization")
        .put("access_token", token)
        .put("token_type", "Bearer")
        .put("expires_in", 300)
        .put("scope", "patient/Patient.read patient/Encounter.read patient/Condition.read")
        .put("subject", "patient-education-cds");
    return request;
  }

  // --- errors ----------------------------------------------------------------------------------

  @Test
  @Order(7)
  void missingPrefetchWithoutAFhirServerIs412() throws Exception {
    ObjectNode request = encounterStart("p6", "e6", icd("O80", "Full-term delivery"));
    ((ObjectNode) request.get("prefetch")).remove("encounter");
    HttpResponse<String> response = call(ENCOUNTER_START, request);
    assertThat(response.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(response.body()).get("error").asText())
        .contains("[encounter]")
        .contains("fhirServer");
    // a prefetch that is not the resource asked for
    ObjectNode wrong = encounterStart("p6", "e6", icd("O80", "Full-term delivery"));
    ((ObjectNode) wrong.get("prefetch")).set("encounter", patient("p6"));
    HttpResponse<String> wrongType = call(ENCOUNTER_START, wrong);
    assertThat(wrongType.statusCode()).isEqualTo(412);
    assertThat(JSON.readTree(wrongType.body()).get("error").asText())
        .contains("must be a Encounter");
  }

  @Test
  @Order(8)
  void malformedRequestsAre400WithAMessageAndUnknownServices404() throws Exception {
    HttpResponse<String> notJson =
        callRaw(ENCOUNTER_START, "{not json", sign(EHR, ENCOUNTER_START));
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notJson.body()).get("error").asText()).contains("JSON object");

    ObjectNode noPatient = encounterStart("p7", "e7", icd("O80", "Full-term delivery"));
    ((ObjectNode) noPatient.get("context")).remove("patientId");
    HttpResponse<String> missingContext = call(ENCOUNTER_START, noPatient);
    assertThat(missingContext.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missingContext.body()).get("error").asText())
        .contains("context.patientId is required");

    ObjectNode noHookInstance = encounterStart("p7", "e7", icd("O80", "Full-term delivery"));
    noHookInstance.remove("hookInstance");
    HttpResponse<String> missingInstance = call(ENCOUNTER_START, noHookInstance);
    assertThat(missingInstance.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missingInstance.body()).get("error").asText())
        .contains("hookInstance");

    ObjectNode wrongHook = encounterStart("p7", "e7", icd("O80", "Full-term delivery"));
    wrongHook.put("hook", "patient-view");
    HttpResponse<String> mismatch = call(ENCOUNTER_START, wrongHook);
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(mismatch.body()).get("error").asText())
        .contains("answers the hook encounter-start");

    ObjectNode httpServer = encounterStart("p7", "e7", icd("O80", "Full-term delivery"));
    httpServer.put("fhirServer", "http://ehr.example.test/fhir");
    HttpResponse<String> insecure = call(ENCOUNTER_START, httpServer);
    assertThat(insecure.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(insecure.body()).get("error").asText()).contains("https");

    HttpResponse<String> unknown = callRaw("no-such-service", "{}", sign(EHR, "no-such-service"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).get("error").asText()).contains("no-such-service");
    for (HttpResponse<String> response :
        List.of(notJson, missingContext, missingInstance, mismatch, insecure, unknown)) {
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }
  }

  // --- who may call ----------------------------------------------------------------------------

  @Test
  @Order(9)
  void unsignedForgedExpiredMisaddressedAndReplayedCallsAreRefused() throws Exception {
    String body = encounterStart("p8", "e8", icd("O80", "Full-term delivery")).toString();
    String audience = server.baseUrl() + "/cds-services/" + ENCOUNTER_START;
    Instant now = Instant.now();

    assertRefused(callRaw(ENCOUNTER_START, body, null), "signed JWT");
    JWK stranger = SmartTestClients.ec("ehr-hooks-1"); // same kid, another key
    assertRefused(
        callRaw(ENCOUNTER_START, body, jwt(stranger, JWSAlgorithm.ES384, EHR, audience, now, 240)),
        "signature");
    assertRefused(
        callRaw(
            ENCOUNTER_START,
            body,
            jwt(EHR_KEY, JWSAlgorithm.ES384, EHR, audience, now.minusSeconds(600), 120)),
        "expired");
    assertRefused(
        callRaw(
            ENCOUNTER_START,
            body,
            jwt(
                EHR_KEY,
                JWSAlgorithm.ES384,
                EHR,
                server.baseUrl() + "/cds-services/" + PATIENT_VIEW,
                now,
                240)),
        "audience");
    assertRefused(
        callRaw(
            ENCOUNTER_START,
            body,
            jwt(EHR_KEY, JWSAlgorithm.ES384, "https://other.example.test", audience, now, 240)),
        "issuer");
    assertRefused(
        callRaw(ENCOUNTER_START, body, jwt(EHR_KEY, JWSAlgorithm.ES384, EHR, audience, now, 3600)),
        "five minutes");

    String once = jwt(EHR_KEY, JWSAlgorithm.ES384, EHR, audience, now, 240);
    assertThat(callRaw(ENCOUNTER_START, body, once).statusCode()).isEqualTo(200);
    assertRefused(callRaw(ENCOUNTER_START, body, once), "used before");

    // the second EHR signs RS384 with the JWKS configured inline
    assertThat(
            callRaw(
                    ENCOUNTER_START,
                    body,
                    jwt(RSA_KEY, JWSAlgorithm.RS384, RSA_EHR, audience, now, 240))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  @Order(10)
  void theEhrsOriginMayCallFromABrowserAndNoOtherOrigin() throws Exception {
    HttpResponse<String> allowed = preflight(EHR);
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(EHR);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("POST");
    assertThat(
            allowed
                .headers()
                .firstValue("Access-Control-Allow-Headers")
                .orElseThrow()
                .toLowerCase())
        .contains("authorization")
        .contains("content-type");
    HttpResponse<String> refused = preflight("https://evil.example.test");
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  // --- feedback --------------------------------------------------------------------------------

  @Test
  @Order(11)
  void feedbackIsStoredAndCountedInTheEditorsReport() throws Exception {
    JsonNode accepted =
        single(
            JSON.readTree(
                    call(ENCOUNTER_START, encounterStart("p9", "e9", icd("O80", "Delivery")))
                        .body())
                .get("cards"));
    JsonNode overridden =
        single(
            JSON.readTree(
                    call(ENCOUNTER_START, encounterStart("p9", "e9", icd("O80", "Delivery")))
                        .body())
                .get("cards"));
    ObjectNode feedback = JSON.createObjectNode();
    ArrayNode entries = feedback.putArray("feedback");
    ObjectNode accept = entries.addObject();
    accept.put("card", accepted.get("uuid").asText());
    accept.put("outcome", "accepted");
    accept
        .putArray("acceptedSuggestions")
        .addObject()
        .put("id", accepted.get("suggestions").get(0).get("uuid").asText());
    accept.put("outcomeTimestamp", "2026-11-22T10:00:00Z");
    ObjectNode override = entries.addObject();
    override.put("card", overridden.get("uuid").asText());
    override.put("outcome", "overridden");
    ObjectNode reason = override.putObject("overrideReason");
    reason
        .putObject("reason")
        .put("system", PackTerminology.CDS_OVERRIDE_REASON_SYSTEM)
        .put("code", "already-given")
        .put("display", "Education already given");
    reason.put("userComment", "Given on the ward yesterday");
    override.put("outcomeTimestamp", "2026-11-22T10:01:00Z");

    HttpResponse<String> bad =
        feedback(
            "{\"feedback\":[{\"card\":\""
                + UUID.randomUUID()
                + "\",\"outcome\":\"accepted\",\"outcomeTimestamp\":\"2026-11-22T10:00:00Z\"}]}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("no card");
    HttpResponse<String> notWrapped = feedback(accept.toString());
    assertThat(notWrapped.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notWrapped.body()).get("error").asText()).contains("\"feedback\"");
    HttpResponse<String> unsigned = feedbackUnsigned(feedback.toString());
    assertThat(unsigned.statusCode()).isEqualTo(401);

    HttpResponse<String> stored = feedback(feedback.toString());
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

    HttpResponse<String> anonymous =
        send(HttpRequest.newBuilder(URI.create(server.fhirBase() + "/$cds-feedback-report")));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    Parameters report =
        server
            .editorClient()
            .operation()
            .onServer()
            .named("$cds-feedback-report")
            .withNoParameters(Parameters.class)
            .useHttpGet()
            .execute();
    Parameters.ParametersParameterComponent healthwise =
        report.getParameter().stream()
            .filter(
                p ->
                    ((Reference) p.getPart().get(0).getValue())
                        .getReference()
                        .equals("Library/" + HEALTHWISE))
            .findFirst()
            .orElseThrow();
    Map<String, String> counts = new HashMap<>();
    healthwise.getPart().stream()
        .filter(part -> part.hasValue())
        .forEach(part -> counts.put(part.getName(), part.getValue().primitiveValue()));
    assertThat(counts.get("accepted")).isEqualTo("1");
    assertThat(counts.get("overridden")).isEqualTo("1");
    assertThat(Integer.parseInt(counts.get("shown"))).isGreaterThan(2);
    Parameters.ParametersParameterComponent why =
        healthwise.getPart().stream()
            .filter(p -> p.getName().equals("overrideReason"))
            .findFirst()
            .orElseThrow();
    assertThat(why.getPart().get(0).getValue().primitiveValue())
        .isEqualTo("Education already given");
    assertThat(why.getPart().get(1).getValue().primitiveValue()).isEqualTo("1");
    assertThat(FHIR.newJsonParser().encodeResourceToString(report))
        .doesNotContain("Given on the ward yesterday");
  }

  // --- $record-given ---------------------------------------------------------------------------

  @Test
  @Order(12)
  void recordGivenStoresBothRecordsWithTheRightReferencesForTheRightCredential() throws Exception {
    IGenericClient ehr =
        client(
            SmartTokens.accessToken(
                server.baseUrl(),
                SmartTestClients.EHR,
                "system/Patient.c system/Encounter.c system/DocumentReference.crs"
                    + " system/Procedure.crs"));
    Patient patient = new Patient();
    patient.addName().setFamily("Rivera").addGiven("Ana");
    String patientId =
        ehr.create().resource(patient).execute().getId().toUnqualifiedVersionless().getValue();
    Encounter encounter = new Encounter();
    encounter.setStatus(Encounter.EncounterStatus.INPROGRESS);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP", "inpatient"));
    encounter.setSubject(new Reference(patientId));
    encounter.addReasonCode(icdConcept("O80", "Encounter for full-term uncomplicated delivery"));
    String encounterId =
        ehr.create().resource(encounter).execute().getId().toUnqualifiedVersionless().getValue();

    Parameters answer =
        ehr.operation()
            .onInstance(new IdType("Library", HEALTHWISE))
            .named("$record-given")
            .withParameters(recordGiven(patientId, encounterId, "printed"))
            .execute();
    DocumentReference given =
        (DocumentReference) answer.getParameter("documentReference").getResource();
    Procedure procedure = (Procedure) answer.getParameter("procedure").getResource();
    assertThat(given.getIdElement().getIdPart()).isNotBlank();
    assertThat(given.getSubject().getReference()).isEqualTo(patientId);
    assertThat(given.getContext().getEncounterFirstRep().getReference()).isEqualTo(encounterId);
    assertThat(given.getContext().getRelated().stream().map(Reference::getReference).toList())
        .containsExactly(
            "DocumentReference/oxytocin-healthwise/_history/" + stored("DocumentReference"),
            "Library/oxytocin-healthwise/_history/" + stored("Library"));
    assertThat(given.getAuthorFirstRep().getReference()).isEqualTo(NURSE_IN_EHR);
    assertThat(procedure.getReportFirstRep().getReference())
        .isEqualTo("DocumentReference/" + given.getIdElement().getIdPart());
    assertThat(procedure.getEncounter().getReference()).isEqualTo(encounterId);
    assertThat(procedure.getReasonCodeFirstRep().getCodingFirstRep().getCode()).isEqualTo("O80");
    // stored, and readable with the patient-record scopes
    Procedure stored =
        ehr.read().resource(Procedure.class).withId(procedure.getIdElement().getIdPart()).execute();
    assertThat(stored.getCode().getCodingFirstRep().getCode()).isEqualTo("311401005");
    FhirValidator validator = ProfileValidation.newValidator(FHIR, IgPackage.fromClasspath());
    assertThat(errors(validator, given, PackTerminology.PROFILE_EDUCATION_GIVEN)).isEmpty();
    assertThat(errors(validator, stored, PackTerminology.PROFILE_EDUCATION_GIVEN_PROCEDURE))
        .isEmpty();

    // never public
    assertThat(
            send(HttpRequest.newBuilder(
                    URI.create(
                        server.fhirBase() + "/Procedure/" + procedure.getIdElement().getIdPart())))
                .statusCode())
        .isEqualTo(401);
    // without a credential, or without the Procedure scope: refused, nothing stored
    HttpResponse<String> anonymous =
        send(
            HttpRequest.newBuilder(
                    URI.create(server.fhirBase() + "/Library/" + HEALTHWISE + "/$record-given"))
                .header("Content-Type", "application/fhir+json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser()
                            .encodeResourceToString(
                                recordGiven(patientId, encounterId, "printed")))));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    String documentsOnly =
        SmartTokens.accessToken(
            server.baseUrl(), SmartTestClients.EHR, "system/DocumentReference.c");
    HttpResponse<String> forbidden =
        send(
            HttpRequest.newBuilder(
                    URI.create(server.fhirBase() + "/Library/" + HEALTHWISE + "/$record-given"))
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + documentsOnly)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser()
                            .encodeResourceToString(
                                recordGiven(patientId, encounterId, "printed")))));
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(forbidden.body()).contains("OperationOutcome");
    assertThat(
            ehr.search()
                .forResource(Procedure.class)
                .where(Procedure.ENCOUNTER.hasId(encounterId))
                .returnBundle(org.hl7.fhir.r4.model.Bundle.class)
                .execute()
                .getEntry())
        .hasSize(1);

    // bad input: a clear 4xx
    HttpResponse<String> badMedium = recordGivenRaw(ehrToken(), patientId, encounterId, "carved");
    assertThat(badMedium.statusCode()).isEqualTo(400);
    assertThat(badMedium.body()).contains("printed, pdf, screen");
    HttpResponse<String> draft =
        send(
            HttpRequest.newBuilder(
                    URI.create(server.fhirBase() + "/Library/oxytocin-perexp/$record-given"))
                .header("Content-Type", "application/fhir+json")
                .header("Authorization", "Bearer " + ehrToken())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        FHIR.newJsonParser()
                            .encodeResourceToString(
                                recordGiven(patientId, encounterId, "printed")))));
    assertThat(draft.statusCode()).isEqualTo(422);
    assertThat(draft.body()).contains("not approved");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The version of Healthwise's Library or DocumentReference the server holds now. */
  private static String stored(String type) {
    return server
        .client()
        .read()
        .resource(type)
        .withId(HEALTHWISE)
        .execute()
        .getIdElement()
        .getVersionIdPart();
  }

  private static String ehrToken() {
    return SmartTokens.accessToken(
        server.baseUrl(), SmartTestClients.EHR, "system/DocumentReference.c system/Procedure.c");
  }

  private static HttpResponse<String> recordGivenRaw(
      String token, String patient, String encounter, String medium) throws Exception {
    return send(
        HttpRequest.newBuilder(
                URI.create(server.fhirBase() + "/Library/" + HEALTHWISE + "/$record-given"))
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", "Bearer " + token)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    FHIR.newJsonParser()
                        .encodeResourceToString(recordGiven(patient, encounter, medium)))));
  }

  private static Parameters recordGiven(String patient, String encounter, String medium) {
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("patient").setValue(new Reference(patient));
    parameters.addParameter().setName("encounter").setValue(new Reference(encounter));
    parameters.addParameter().setName("practitioner").setValue(new Reference(NURSE_IN_EHR));
    parameters.addParameter().setName("medium").setValue(new CodeType(medium));
    parameters.addParameter().setName("language").setValue(new CodeType("en"));
    return parameters;
  }

  private static IGenericClient client(String token) {
    IGenericClient client = server.client();
    client.registerInterceptor(
        new ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor(token));
    return client;
  }

  /** Approves a page of the test's own for pain management (G89.4), reviewed a month ago. */
  private static void approvePainPage() {
    Library page = TestLibraries.draft(PAIN_PAGE, "Test page " + PAIN_PAGE, "A test page.");
    page.setPublisher("Test Publisher");
    ContextElements.addUseContexts(
        page,
        List.of(
            new ContextTag(
                ClinicalContext.PAIN_MANAGEMENT,
                ContextTag.Relevance.PRIMARY,
                List.of(ClinicalContext.PAIN_MANAGEMENT.code("icd-10-cm:G89.4")),
                "Test page")));
    IGenericClient editor = server.editorClient();
    editor.update().resource(page).execute();
    editor.update().resource(TestLibraries.catalogDocument(PAIN_PAGE)).execute();
    Parameters review = new Parameters();
    review.addParameter("reviewerName", new StringType("Maria Lopez"));
    review.addParameter("credentials", new StringType("MD"));
    review.addParameter("specialty", new StringType("Anesthesiology"));
    review.addParameter("date", new DateType(RunningServerTest.TODAY.minusMonths(1).toString()));
    for (var step :
        List.of(Map.entry("$review", review), Map.entry("$approve", new Parameters()))) {
      editor
          .operation()
          .onInstance(new IdType("Library", PAIN_PAGE))
          .named(step.getKey())
          .withParameters(step.getValue())
          .returnResourceType(Library.class)
          .execute();
    }
  }

  /** An encounter-start call: the encounter's reason is the code given. */
  private static ObjectNode encounterStart(
      String patientId, String encounterId, ObjectNode reason) {
    ObjectNode request = request("encounter-start", patientId, encounterId);
    ObjectNode encounter = JSON.createObjectNode();
    encounter.put("resourceType", "Encounter");
    encounter.put("id", encounterId);
    encounter.put("status", "in-progress");
    encounter
        .putObject("class")
        .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .put("code", "IMP");
    encounter.putObject("subject").put("reference", "Patient/" + patientId);
    encounter.putArray("reasonCode").add(reason);
    ObjectNode prefetch = (ObjectNode) request.get("prefetch");
    prefetch.set("encounter", encounter);
    prefetch.set("conditions", bundle());
    return request;
  }

  /** A hook request with the patient prefetched (and nothing else). */
  private static ObjectNode request(String hook, String patientId, String encounterId) {
    ObjectNode request = JSON.createObjectNode();
    request.put("hook", hook);
    request.put("hookInstance", UUID.randomUUID().toString());
    ObjectNode context = request.putObject("context");
    context.put("userId", "Practitioner/nurse-1");
    context.put("patientId", patientId);
    if (encounterId != null) {
      context.put("encounterId", encounterId);
    }
    request.putObject("prefetch").set("patient", patient(patientId));
    return request;
  }

  private static ObjectNode patient(String id) {
    ObjectNode patient = JSON.createObjectNode();
    patient.put("resourceType", "Patient");
    patient.put("id", id);
    return patient;
  }

  private static ObjectNode icd(String code, String display) {
    ObjectNode concept = JSON.createObjectNode();
    concept
        .putArray("coding")
        .addObject()
        .put("system", ICD10CM)
        .put("code", code)
        .put("display", display);
    return concept;
  }

  private static CodeableConcept icdConcept(String code, String display) {
    return new CodeableConcept(new Coding(ICD10CM, code, display));
  }

  private static ObjectNode condition(
      String id, String system, String code, String display, String clinicalStatus) {
    ObjectNode condition = JSON.createObjectNode();
    condition.put("resourceType", "Condition");
    condition.put("id", id);
    condition
        .putObject("clinicalStatus")
        .putArray("coding")
        .addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/condition-clinical")
        .put("code", clinicalStatus);
    condition
        .putObject("code")
        .putArray("coding")
        .addObject()
        .put("system", system)
        .put("code", code)
        .put("display", display);
    condition.putObject("subject").put("reference", "Patient/p2");
    return condition;
  }

  private static ObjectNode oxytocinOrder(String id, String status) {
    ObjectNode order = JSON.createObjectNode();
    order.put("resourceType", "MedicationRequest");
    order.put("id", id);
    order.put("status", status);
    order.put("intent", "order");
    order
        .putObject("medicationCodeableConcept")
        .putArray("coding")
        .addObject()
        .put("system", RXNORM)
        .put("code", "207315")
        .put("display", "oxytocin 10 UNT/ML Injectable Solution");
    order.putObject("subject").put("reference", "Patient/p5");
    return order;
  }

  private static ObjectNode bundle(ObjectNode... resources) {
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("type", "searchset");
    ArrayNode entries = bundle.putArray("entry");
    for (ObjectNode resource : resources) {
      entries.addObject().set("resource", resource);
    }
    return bundle;
  }

  private static HttpResponse<String> call(String service, ObjectNode request) throws Exception {
    return callRaw(service, request.toString(), sign(EHR, service));
  }

  private static String sign(String issuer, String service) {
    return jwt(
        EHR_KEY,
        JWSAlgorithm.ES384,
        issuer,
        server.baseUrl() + "/cds-services/" + service,
        Instant.now(),
        240);
  }

  private static String jwt(
      JWK key, JWSAlgorithm algorithm, String issuer, String audience, Instant issued, long life) {
    return SmartTokens.sign(
        key,
        algorithm,
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject("ehr-client")
            .audience(audience)
            .issueTime(Date.from(issued))
            .expirationTime(Date.from(issued.plusSeconds(life)))
            .jwtID(UUID.randomUUID().toString())
            .build());
  }

  private static HttpResponse<String> callRaw(String service, String body, String jwt)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/cds-services/" + service))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (jwt != null) {
      request.header("Authorization", "Bearer " + jwt);
    }
    return send(request);
  }

  private static HttpResponse<String> feedback(String body) throws Exception {
    return send(
        HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/cds-services/" + ENCOUNTER_START + "/feedback"))
            .header("Content-Type", "application/json")
            .header(
                "Authorization",
                "Bearer "
                    + jwt(
                        EHR_KEY,
                        JWSAlgorithm.ES384,
                        EHR,
                        server.baseUrl() + "/cds-services/" + ENCOUNTER_START + "/feedback",
                        Instant.now(),
                        240))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> feedbackUnsigned(String body) throws Exception {
    return send(
        HttpRequest.newBuilder(
                URI.create(server.baseUrl() + "/cds-services/" + ENCOUNTER_START + "/feedback"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static HttpResponse<String> preflight(String origin) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/cds-services/" + ENCOUNTER_START))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "authorization,content-type"));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertRefused(HttpResponse<String> response, String why) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(JSON.readTree(response.body()).get("error").asText()).contains(why);
  }

  /** The card fields CDS Hooks 2.0 requires, and a summary under 140 characters. */
  private static void assertCardShape(JsonNode card) {
    assertThat(card.get("uuid").asText()).matches("[0-9a-f-]{36}");
    assertThat(card.get("summary").asText()).isNotBlank().hasSizeLessThan(140);
    assertThat(card.get("indicator").asText()).isIn("info", "warning", "critical");
    assertThat(card.get("source").get("label").asText()).isNotBlank();
    assertThat(card.get("detail").asText()).isNotBlank();
    JsonNode links = card.get("links");
    assertThat(links).hasSize(2);
    for (JsonNode link : links) {
      assertThat(link.get("label").asText()).isNotBlank();
      assertThat(link.get("type").asText()).isEqualTo("absolute");
      assertThat(link.get("url").asText()).startsWith(PUBLIC_BASE + "/");
    }
    if (card.has("suggestions")) {
      for (JsonNode suggestion : card.get("suggestions")) {
        assertThat(suggestion.get("label").asText()).isNotBlank();
        assertThat(suggestion.get("uuid").asText()).isNotBlank();
      }
    }
  }

  /** No null, "", [] or {} anywhere (CDS Hooks: omit empty values); "cards" may be []. */
  private static void assertNoEmptyValues(JsonNode node, String path) {
    if (node.isObject()) {
      assertThat(node.size()).as(path + " is {}").isPositive();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        String where = path + "." + field.getKey();
        assertThat(value.isNull()).as(where + " is null").isFalse();
        if (value.isTextual()) {
          assertThat(value.asText()).as(where + " is empty").isNotEmpty();
        }
        if (value.isArray() && !Set.of("$.cards").contains(where)) {
          assertThat(value.size()).as(where + " is []").isPositive();
        }
        assertNoEmptyValues(value, where);
      }
    } else if (node.isArray()) {
      int i = 0;
      for (JsonNode item : node) {
        assertNoEmptyValues(item, path + "[" + i++ + "]");
      }
    }
  }

  private static JsonNode single(JsonNode array) {
    assertThat(array).isNotNull().hasSize(1);
    return array.get(0);
  }

  private static List<String> urls(JsonNode card) {
    List<String> urls = new ArrayList<>();
    card.get("links").forEach(link -> urls.add(link.get("url").asText()));
    return urls;
  }

  private static IBaseResource parse(JsonNode resource, Class<? extends IBaseResource> type) {
    return FHIR.newJsonParser().parseResource(type, resource.toString());
  }

  private static List<String> errors(
      FhirValidator validator, IBaseResource resource, String profile) {
    ValidationResult result =
        validator.validateWithResult(resource, new ValidationOptions().addProfile(profile));
    return result.getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(m -> m.getLocationString() + ": " + m.getMessage())
        .toList();
  }
}
