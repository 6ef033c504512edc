package org.patientedu.educationgiven;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.testing.HeadlessChromium;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerProcess;
import org.patientedu.testing.SmartTestClients;
import org.patientedu.testing.SmartTokens;

/**
 * "Record as given" from a handout page opened from a CDS Hooks card, as a nurse does it: the EHR
 * calls the hook (signed with a key it publishes at a JWKS URL, served here), the card's handout
 * link is opened in a real browser (Debian's headless Chromium), the nurse prints, chooses how it
 * was given and presses the button; the record is read back over FHIR with a SMART token. The
 * server signs its tickets with a key the test gives it ({@code edu.smart.signing-key-file}), so
 * the test can also make genuine-but-expired and draft-page tickets; forged ones are signed with
 * another key. Also: {@code edu.cds-hooks.allow-unsigned=true} answers an unsigned call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RecordAsGivenIT {

  private static final String PUBLIC_BASE = "https://education.example.org";
  private static final String EHR = "https://ehr.example.test";
  private static final String EHR_FHIR = EHR + "/fhir";
  private static final String NURSE = EHR_FHIR + "/Practitioner/nurse-1";
  private static final String HEALTHWISE = "oxytocin-healthwise";
  private static final String DRAFT = "oxytocin-perexp";
  private static final String ENCOUNTER_START = "patient-education-encounter-start";
  private static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final FhirContext FHIR = FhirContext.forR4Cached();

  /** The key this server signs its tokens and tickets with, given to it as a file. */
  private static final RSAKey SERVER_KEY = (RSAKey) SmartTestClients.rsa("server-signing-1");

  /** The EHR's hook-signing key, published at its JWKS URL. */
  private static final ECKey EHR_KEY = (ECKey) SmartTestClients.ec("ehr-jwks-url-1");

  @TempDir static Path dir;
  private static HttpServer ehrJwks;
  private static final AtomicInteger jwksFetches = new AtomicInteger();
  private static ServerProcess server;
  private static HeadlessChromium chromium;

  @BeforeAll
  static void start() throws Exception {
    byte[] jwks = new JWKSet(EHR_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    ehrJwks = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ehrJwks.createContext(
        "/.well-known/jwks.json",
        exchange -> {
          jwksFetches.incrementAndGet();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, jwks.length);
          exchange.getResponseBody().write(jwks);
          exchange.close();
        });
    ehrJwks.start();
    Path signingKey = dir.resolve("server-signing-key.json");
    Files.writeString(signingKey, SERVER_KEY.toJSONString());

    Map<String, String> settings = new HashMap<>(SmartTestClients.properties());
    settings.put("edu.data-dir", dir.resolve("data").toString());
    settings.put("edu.review.today", RunningServerTest.TODAY.toString());
    settings.put("edu.handouts.public-base-url", PUBLIC_BASE);
    settings.put("edu.smart.signing-key-file", signingKey.toString());
    settings.put(
        "edu.cds-hooks.clients[" + EHR + "].jwks-url",
        "http://127.0.0.1:" + ehrJwks.getAddress().getPort() + "/.well-known/jwks.json");
    settings.put("edu.cds-hooks.allow-unsigned", "true");
    settings.put("edu.cds-hooks.record-ticket-lifetime", "2h");
    server =
        ServerProcess.start(
            settings,
            Files.createDirectories(Path.of("target")).resolve("record-as-given-it-server.log"));
    server.awaitReady(Duration.ofMinutes(10));
    chromium = HeadlessChromium.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.close();
    }
    if (ehrJwks != null) {
      ehrJwks.stop(0);
    }
  }

  // --- the hook call's credentials ---------------------------------------------------------------

  @Test
  @Order(1)
  void withAllowUnsignedAnUnsignedCallGetsItsCardsAndNoTicketWithoutAFhirServer() throws Exception {
    HttpResponse<String> response = call(encounterStart("p1", "e1", null), null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode card = JSON.readTree(response.body()).get("cards").get(0);
    assertThat(card.get("summary").asText())
        .isEqualTo("Patient education (overdue for review): Oxytocin");
    // without fhirServer the chart's ids are the EHR's alone: no ticket, no button
    assertThat(card.get("links").get(0).get("url").asText())
        .isEqualTo(
            PUBLIC_BASE
                + "/handouts/oxytocin-healthwise?patient=Patient/p1&encounter=Encounter/e1");
  }

  @Test
  @Order(2)
  void aSignedCallIsCheckedAgainstTheKeysAtTheIssuersJwksUrl() throws Exception {
    HttpResponse<String> signed = call(encounterStart("p2", "e2", null), hookJwt(EHR_KEY));
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    assertThat(JSON.readTree(signed.body()).get("cards")).hasSize(1);
    assertThat(jwksFetches.get()).as("the JWKS URL was read").isPositive();

    // the same key id, another key: not what the EHR publishes
    ECKey impostor = (ECKey) SmartTestClients.ec(EHR_KEY.getKeyID());
    HttpResponse<String> forged = call(encounterStart("p2", "e2", null), hookJwt(impostor));
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(forged.body()).get("error").asText())
        .isEqualTo("The JWT's signature does not verify with the keys configured for its issuer");
  }

  // --- the nurse records it -------------------------------------------------------------------

  @Test
  @Order(3)
  void theNurseRecordsTheHandoutAsGivenFromTheCardsLinkAfterPrinting() throws Exception {
    String link = handoutLink("p30", "e30");
    assertThat(link)
        .startsWith(
            PUBLIC_BASE
                + "/handouts/oxytocin-healthwise?patient=Patient/p30&encounter=Encounter/e30&ticket=");
    String ticket = ticketOf(link);
    SignedJWT jwt = SignedJWT.parse(ticket);
    assertThat(jwt.getHeader().getType().getType()).isEqualTo("record-given-ticket+jwt");
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("server-signing-1");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .as("edu.cds-hooks.record-ticket-lifetime=2h")
        .isEqualTo(Duration.ofHours(2).toMillis());
    assertThat(claims.getStringClaim("patient")).isEqualTo(EHR_FHIR + "/Patient/p30");
    assertThat(claims.getStringClaim("encounter")).isEqualTo(EHR_FHIR + "/Encounter/e30");
    // ids only: the patient's name (in the prefetch) is nowhere in the link
    assertThat(link + claims.toString()).doesNotContain("Rivera", "Ana");

    ChromeDriver browser = chromium.browser();
    browser.get(onThisServer(link));
    assertThat(browser.findElement(By.id("record-given")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("record-given-chart")).getText())
        .contains(EHR_FHIR + "/Patient/p30", EHR_FHIR + "/Encounter/e30");
    // print first (the browser's dialog, stubbed); on paper there is no form
    ((JavascriptExecutor) browser)
        .executeScript("window.__printed = 0; window.print = function () { window.__printed++; };");
    browser.findElement(By.id("print-button")).click();
    assertThat(
            ((Number) ((JavascriptExecutor) browser).executeScript("return window.__printed;"))
                .intValue())
        .isEqualTo(1);
    emulatePrint(browser, true);
    try {
      assertThat(browser.findElement(By.id("record-given")).isDisplayed()).isFalse();
      assertThat(browser.findElement(By.id("article")).isDisplayed()).isTrue();
    } finally {
      emulatePrint(browser, false);
    }

    // the nurse switches to large print first: the form comes along
    browser.findElement(By.id("size-toggle")).click();
    chromium.waitFor(ExpectedConditions.urlContains("print=large"));
    assertThat(browser.findElement(By.id("record-given")).isDisplayed()).isTrue();

    browser.findElement(By.cssSelector("#record-given input[value=printed]")).click();
    browser.findElement(By.id("record-given-button")).click();
    chromium.waitFor(ExpectedConditions.titleIs("Recorded as given"));
    assertThat(browser.findElement(By.id("recorded-handout")).getText()).isEqualTo("Oxytocin");
    assertThat(browser.findElement(By.id("recorded-medium")).getText())
        .isEqualTo("Printed handout");
    assertThat(browser.findElement(By.id("recorded-patient")).getText())
        .isEqualTo(EHR_FHIR + "/Patient/p30");
    String documentId = browser.findElement(By.id("recorded-document")).getText();
    String procedureId = browser.findElement(By.id("recorded-procedure")).getText();
    assertThat(documentId).matches("DocumentReference/[0-9]+");
    assertThat(procedureId).matches("Procedure/[0-9]+");
    emulatePrint(browser, true);
    try {
      assertThat(browser.findElement(By.id("recorded")).isDisplayed()).isFalse();
    } finally {
      emulatePrint(browser, false);
    }

    // the record, as an EHR reads it back
    IGenericClient ehr = ehrClient();
    DocumentReference given =
        ehr.read().resource(DocumentReference.class).withId(documentId).execute();
    assertThat(given.getSubject().getReference()).isEqualTo(EHR_FHIR + "/Patient/p30");
    assertThat(given.getContext().getEncounterFirstRep().getReference())
        .isEqualTo(EHR_FHIR + "/Encounter/e30");
    assertThat(given.getAuthorFirstRep().getReference()).isEqualTo(NURSE);
    assertThat(given.getContext().getRelated().stream().map(Reference::getReference).toList())
        .containsExactly(
            "DocumentReference/oxytocin-healthwise/_history/" + stored("DocumentReference"),
            "Library/oxytocin-healthwise/_history/" + stored("Library"));
    assertThat(
            ((Coding) given.getExtensionByUrl(PackTerminology.EXT_EDUCATION_MEDIUM).getValue())
                .getCode())
        .isEqualTo("printed");
    assertThat(given.getContentFirstRep().getAttachment().getUrl())
        .isEqualTo(PUBLIC_BASE + "/handouts/oxytocin-healthwise");
    Procedure procedure = ehr.read().resource(Procedure.class).withId(procedureId).execute();
    assertThat(procedure.getCode().getCodingFirstRep().getCode()).isEqualTo("311401005");
    assertThat(procedure.getEncounter().getReference()).isEqualTo(EHR_FHIR + "/Encounter/e30");
    assertThat(procedure.getReportFirstRep().getReference()).isEqualTo(documentId);

    // audited like any write (a create event each), the nurse the card was shown to as agent
    List<AuditEvent> events = creationsOf(documentId, procedureId);
    assertThat(events).hasSize(2);
    for (AuditEvent event : events) {
      assertThat(event.getSubtypeFirstRep().getCode()).isEqualTo("create");
      assertThat(event.getAgentFirstRep().getWho().getReference()).isEqualTo(NURSE);
      assertThat(event.getAgentFirstRep().getRequestor()).isTrue();
      assertThat(event.getEntity().stream().map(e -> e.getWhat().getReference()).toList())
          .contains(EHR_FHIR + "/Patient/p30");
    }

    // the same ticket again: refused, nothing more stored
    HttpResponse<String> again = post(HEALTHWISE, ticket, "printed");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("This link was used already");
    assertThat(proceduresFor("e30")).isEqualTo(1);
  }

  @Test
  @Order(4)
  void withoutATicketThePageHasNoButtonAndThePdfNeverHasOne() throws Exception {
    ChromeDriver browser = chromium.browser();
    browser.get(server.baseUrl() + "/handouts/" + HEALTHWISE);
    assertThat(browser.findElement(By.id("article")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.id("record-given"))).isEmpty();
    assertThat(browser.findElements(By.id("record-given-button"))).isEmpty();

    String ticket = ticketOf(handoutLink("p32", "e32"));
    HttpResponse<byte[]> pdf =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        server.baseUrl() + "/handouts/" + HEALTHWISE + ".pdf?ticket=" + ticket))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Oxytocin").doesNotContain("Record as given", "Patient/p32");
    }
  }

  @Test
  @Order(5)
  void forgedTamperedExpiredOtherPageAndDraftTicketsStoreNothing() throws Exception {
    String ticket = ticketOf(handoutLink("p31", "e31"));
    JWTClaimsSet claims = SignedJWT.parse(ticket).getJWTClaimsSet();

    // signed by another key
    String forged = resign(claims, (RSAKey) SmartTestClients.rsa("server-signing-1"));
    assertRefused(post(HEALTHWISE, forged, "printed"), 403, "was not issued by this server");
    // another patient written into a genuine ticket
    String[] parts = ticket.split("\\.");
    String tampered =
        parts[0]
            + "."
            + com.nimbusds.jose.util.Base64URL.encode(
                    new JWTClaimsSet.Builder(claims)
                        .claim("patient", EHR_FHIR + "/Patient/p99")
                        .build()
                        .toString())
                .toString()
            + "."
            + parts[2];
    assertRefused(post(HEALTHWISE, tampered, "printed"), 403, "was not issued by this server");
    // genuine, but expired
    String expired =
        resign(
            new JWTClaimsSet.Builder(claims)
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(60)))
                .build(),
            SERVER_KEY);
    assertRefused(post(HEALTHWISE, expired, "printed"), 403, "This link has expired");
    // genuine, for Healthwise, posted to another page
    assertRefused(post(DRAFT, ticket, "printed"), 403, "This link is for another handout");
    // genuine, for a draft: never recorded
    String draft =
        resign(
            new JWTClaimsSet.Builder(claims)
                .audience(PUBLIC_BASE + "/handouts/" + DRAFT + "/record-given")
                .claim("page", DRAFT)
                .claim("page_version", Long.parseLong(stored("Library", DRAFT)))
                .jwtID(UUID.randomUUID().toString())
                .build(),
            SERVER_KEY);
    assertRefused(post(DRAFT, draft, "printed"), 422, "not approved for use");
    // no way it was given
    assertRefused(post(HEALTHWISE, ticket, "carved"), 400, "Choose how the handout was given");
    // a ticket is no access token
    HttpResponse<String> asToken =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(server.fhirBase() + "/Procedure"))
                .header("Authorization", "Bearer " + ticket)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(asToken.statusCode()).isEqualTo(401);

    // the pages opened with such tickets show no button, and say why
    ChromeDriver browser = chromium.browser();
    browser.get(server.baseUrl() + "/handouts/" + HEALTHWISE + "?ticket=" + expired);
    assertThat(browser.findElements(By.id("record-given"))).isEmpty();
    assertThat(browser.findElement(By.id("record-given-refused")).getText())
        .contains("This link has expired");
    browser.get(server.baseUrl() + "/handouts/" + DRAFT + "?ticket=" + draft);
    assertThat(browser.findElement(By.id("banner-draft")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.id("record-given"))).isEmpty();
    assertThat(browser.findElement(By.id("record-given-refused")).getText())
        .contains("not approved for use");
    assertThat(proceduresFor("e31")).isZero();

    // none of that used the genuine ticket up
    HttpResponse<String> recorded = post(HEALTHWISE, ticket, "screen");
    assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    assertThat(recorded.body()).contains("Recorded as given", "Shown on screen");
    assertThat(proceduresFor("e31")).isEqualTo(1);
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** The handout link of the card for an encounter-start call that names the EHR's fhirServer. */
  private static String handoutLink(String patientId, String encounterId) throws Exception {
    HttpResponse<String> response =
        call(encounterStart(patientId, encounterId, EHR_FHIR), hookJwt(EHR_KEY));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode cards = JSON.readTree(response.body()).get("cards");
    assertThat(cards).hasSize(1);
    return cards.get(0).get("links").get(0).get("url").asText();
  }

  private static String ticketOf(String link) {
    String marker = "&ticket=";
    assertThat(link).contains(marker);
    return link.substring(link.indexOf(marker) + marker.length());
  }

  /** The card's link, on the server under test rather than its public address. */
  private static String onThisServer(String link) {
    assertThat(link).startsWith(PUBLIC_BASE + "/");
    return server.baseUrl() + link.substring(PUBLIC_BASE.length());
  }

  private static String resign(JWTClaimsSet claims, RSAKey key) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(new com.nimbusds.jose.JOSEObjectType("record-given-ticket+jwt"))
                .keyID(key.getKeyID())
                .build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static HttpResponse<String> post(String page, String ticket, String medium)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/handouts/" + page + "/record-given"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "ticket="
                        + URLEncoder.encode(ticket, StandardCharsets.UTF_8)
                        + "&medium="
                        + medium))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static void assertRefused(HttpResponse<String> response, int status, String why) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(response.body()).contains("Not recorded", why).doesNotContain("Exception");
  }

  private static int proceduresFor(String encounterId) {
    return ehrClient()
        .search()
        .forResource(Procedure.class)
        .where(Procedure.ENCOUNTER.hasId(EHR_FHIR + "/Encounter/" + encounterId))
        .returnBundle(Bundle.class)
        .execute()
        .getEntry()
        .size();
  }

  /** The AuditEvents of action C (create) naming one of these resources at some version. */
  private static List<AuditEvent> creationsOf(String... resources) {
    IGenericClient auditor =
        client(
            SmartTokens.accessToken(
                server.baseUrl(), SmartTestClients.EDITOR, "system/AuditEvent.rs"));
    Bundle page =
        auditor
            .search()
            .forResource(AuditEvent.class)
            .sort()
            .descending("date")
            .count(50)
            .returnBundle(Bundle.class)
            .execute();
    List<String> wanted = List.of(resources);
    return page.getEntry().stream()
        .map(entry -> (AuditEvent) entry.getResource())
        .filter(event -> event.getAction() == AuditEvent.AuditEventAction.C)
        .filter(
            event ->
                event.getEntity().stream()
                    .anyMatch(
                        entity ->
                            wanted.stream()
                                .anyMatch(
                                    id ->
                                        entity.getWhat().hasReference()
                                            && entity
                                                .getWhat()
                                                .getReference()
                                                .startsWith(id + "/_history/"))))
        .toList();
  }

  private static String stored(String type) {
    return stored(type, HEALTHWISE);
  }

  private static String stored(String type, String id) {
    return server
        .client()
        .read()
        .resource(type)
        .withId(id)
        .execute()
        .getIdElement()
        .getVersionIdPart();
  }

  private static IGenericClient ehrClient() {
    return client(
        SmartTokens.accessToken(
            server.baseUrl(), SmartTestClients.EHR, SmartTestClients.EHR_SCOPES));
  }

  private static IGenericClient client(String token) {
    IGenericClient client = server.client();
    client.registerInterceptor(new BearerTokenAuthInterceptor(token));
    return client;
  }

  private static void emulatePrint(ChromeDriver browser, boolean print) {
    browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", print ? "print" : ""));
  }

  /** An encounter-start call for a labor encounter (ICD-10-CM O80), fully prefetched. */
  private static ObjectNode encounterStart(
      String patientId, String encounterId, String fhirServer) {
    ObjectNode request = JSON.createObjectNode();
    request.put("hook", "encounter-start");
    request.put("hookInstance", UUID.randomUUID().toString());
    if (fhirServer != null) {
      request.put("fhirServer", fhirServer);
    }
    ObjectNode context = request.putObject("context");
    context.put("userId", "Practitioner/nurse-1");
    context.put("patientId", patientId);
    context.put("encounterId", encounterId);
    ObjectNode prefetch = request.putObject("prefetch");
    ObjectNode patient = prefetch.putObject("patient");
    patient.put("resourceType", "Patient");
    patient.put("id", patientId);
    patient.putArray("name").addObject().put("family", "Rivera").putArray("given").add("Ana");
    ObjectNode encounter = prefetch.putObject("encounter");
    encounter.put("resourceType", "Encounter");
    encounter.put("id", encounterId);
    encounter.put("status", "in-progress");
    encounter
        .putObject("class")
        .put("system", "http://terminology.hl7.org/CodeSystem/v3-ActCode")
        .put("code", "IMP");
    encounter.putObject("subject").put("reference", "Patient/" + patientId);
    encounter
        .putArray("reasonCode")
        .addObject()
        .putArray("coding")
        .addObject()
        .put("system", ICD10CM)
        .put("code", "O80")
        .put("display", "Encounter for full-term uncomplicated delivery");
    ObjectNode conditions = prefetch.putObject("conditions");
    conditions.put("resourceType", "Bundle");
    conditions.put("type", "searchset");
    return request;
  }

  private static String hookJwt(ECKey key) {
    Instant now = Instant.now();
    return SmartTokens.sign(
        key,
        JWSAlgorithm.ES384,
        new JWTClaimsSet.Builder()
            .issuer(EHR)
            .subject("ehr-client")
            .audience(server.baseUrl() + "/cds-services/" + ENCOUNTER_START)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(240)))
            .jwtID(UUID.randomUUID().toString())
            .build());
  }

  private static HttpResponse<String> call(ObjectNode request, String jwt) throws Exception {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/cds-services/" + ENCOUNTER_START))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(request.toString()));
    if (jwt != null) {
      builder.header("Authorization", "Bearer " + jwt);
    }
    return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }
}
