package org.patientedu.infobutton;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
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
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.ServerProcess;
import org.patientedu.testing.TestLibraries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Infobutton responder as an EHR configured for MedlinePlus Connect calls it: plain HTTP, every
 * parameter form, each answer parsed (Atom with an XML parser, JSON with Jackson), on a server of
 * its own (the packaged jar) with the settings an operator sets: a public address and a rate limit.
 * Expected pages come from the content pack's import.properties: of the pages tagged for lactation
 * and for labor and delivery only Healthwise (lactation primary, labor secondary) is active,
 * overdue for review on {@link RunningServerTest#TODAY}; Go Ask Alice and the AI-written page are
 * drafts, and so is the only pain-management page. Tests that need more approved pages store them
 * through the FHIR API and delete them after.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfobuttonIT {

  private static final String PUBLIC_BASE = "https://education.example.org";
  private static final int RATE_LIMIT = 400;
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
  private static final String ICD10CM = "2.16.840.1.113883.6.90";
  private static final String SNOMED = "2.16.840.1.113883.6.96";
  private static final String RXNORM = "2.16.840.1.113883.6.88";
  private static final String HEALTHWISE = "oxytocin-healthwise";
  private static final List<String> DRAFTS =
      List.of(
          "oxytocin-goaskalice", "oxytocin-perexp", "oxytocin-noigroup", "oxytocin-loveandlife");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    server =
        ServerProcess.start(
            Map.of(
                "edu.data-dir",
                dir.resolve("data").toString(),
                "edu.review.today",
                RunningServerTest.TODAY.toString(),
                "edu.handouts.public-base-url",
                PUBLIC_BASE + "/",
                "edu.infobutton.rate-limit.requests",
                String.valueOf(RATE_LIMIT),
                "edu.infobutton.rate-limit.period",
                "1h",
                // each answer rendered (not replayed) is logged, so a test can tell them apart
                "logging.level.org.patientedu.infobutton.AnswerCache",
                "DEBUG"),
            Files.createDirectories(dir.resolve("logs")).resolve("server.log"));
    // Assigned before waiting, so @AfterAll stops a server that never became ready.
    server.awaitReady(Duration.ofMinutes(10));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  // --- Atom ----------------------------------------------------------------------------------

  @Test
  @Order(1)
  void aChildCodeFindsItsFamilysApprovedPageInAtom() throws Exception {
    HttpResponse<String> response =
        get(
            query(
                "mainSearchCriteria.v.cs", ICD10CM,
                "mainSearchCriteria.v.c", "O92.79",
                "mainSearchCriteria.v.dn", "Other disorders of lactation",
                "informationRecipient", "PAT",
                "informationRecipient.languageCode.c", "en"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");

    Element feed = xml(response.body()).getDocumentElement();
    assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(feed.getLocalName()).isEqualTo("feed");
    assertThat(feed.getAttributeNS(XML_NS, "lang")).isEqualTo("en");
    for (String required : List.of("id", "title", "subtitle", "updated")) {
      assertThat(child(feed, required).getTextContent()).as(required).isNotBlank();
    }
    assertThat(child(child(feed, "author"), "name").getTextContent()).isNotBlank();
    assertThat(categories(feed))
        .contains(
            "mainSearchCriteria.v.c=O92.79",
            "mainSearchCriteria.v.cs=" + ICD10CM,
            "mainSearchCriteria.v.dn=Other disorders of lactation",
            "informationRecipient=PAT",
            "informationRecipient.languageCode.c=en");

    Element entry = children(feed, "entry").stream().collect(single());
    assertThat(entry.getAttributeNS(XML_NS, "lang")).isEqualTo("en");
    assertThat(child(entry, "title").getTextContent()).isEqualTo("Oxytocin");
    Element link = child(entry, "link");
    assertThat(link.getAttribute("href")).isEqualTo(PUBLIC_BASE + "/handouts/oxytocin-healthwise");
    assertThat(link.getAttribute("rel")).isEqualTo("alternate");
    assertThat(link.getAttribute("type")).isEqualTo("text/html");
    assertThat(link.getAttribute("hreflang")).isEqualTo("en");
    assertThat(child(entry, "id").getTextContent())
        .isEqualTo("http://fhir.patientedu.org/Library/oxytocin-healthwise");
    assertThat(child(entry, "updated").getTextContent()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    Element summary = child(entry, "summary");
    assertThat(summary.getAttribute("type")).isEqualTo("html");
    assertThat(summary.getTextContent())
        .contains("Review status: Overdue for review.")
        .contains("Last reviewed April 13, 2022.")
        .contains("Medical review: Sarah Marshall, MD (Family Medicine);")
        .contains("Check it against current guidance before handing it out.");
  }

  // --- every parameter form ------------------------------------------------------------------

  @Test
  @Order(2)
  void everyParameterFormGivesTheSameAnswer() throws Exception {
    String plain = query("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "O92.79");
    List<HttpResponse<String>> forms = new ArrayList<>();
    forms.add(get(plain));
    // the path MedlinePlus Connect clients append to the base URL
    forms.add(
        send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/infobutton/service" + plain))));
    // form POST
    forms.add(
        send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/infobutton"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(plain.substring(1)))));
    // numbered repeats
    forms.add(get(query("mainSearchCriteria.v.cs1", ICD10CM, "mainSearchCriteria.v.c1", "O92.79")));
    // the deprecated form, in other cases
    forms.add(
        get(
            query(
                "MainSearchCriteria.C.CS",
                "urn:oid:" + ICD10CM,
                "mainsearchcriteria.c.c",
                "o92.79")));
    for (HttpResponse<String> response : forms) {
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
      assertThat(ids(response)).as(response.uri().toString()).containsExactly(HEALTHWISE);
    }
  }

  // --- JSON and JSONP ------------------------------------------------------------------------

  @Test
  @Order(3)
  void jsonInTheShapeMedlinePlusConnectClientsParse() throws Exception {
    HttpResponse<String> response =
        get(
            query(
                "mainSearchCriteria.v.cs", SNOMED,
                "mainSearchCriteria.v.c", "11466000",
                "mainSearchCriteria.v.dn", "Cesarean section",
                "informationRecipient", "PROV",
                "knowledgeResponseType", "application/json"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    JsonNode feed = JSON.readTree(response.body()).get("feed");
    assertThat(feed.get("title").get("_value").asText()).isNotBlank();
    assertThat(feed.get("updated").get("_value").asText()).isNotBlank();
    List<String> categories = new ArrayList<>();
    feed.get("category")
        .forEach(c -> categories.add(c.get("scheme").asText() + "=" + c.get("term").asText()));
    assertThat(categories)
        .contains(
            "mainSearchCriteria.v.c=11466000",
            "mainSearchCriteria.v.cs=" + SNOMED,
            "mainSearchCriteria.v.dn=Cesarean section",
            "informationRecipient=PROV");
    JsonNode entry = feed.get("entry").get(0);
    assertThat(feed.get("entry")).hasSize(1);
    assertThat(entry.get("title").get("_value").asText()).isEqualTo("Oxytocin");
    assertThat(entry.get("link").get(0).get("href").asText())
        .isEqualTo(PUBLIC_BASE + "/handouts/oxytocin-healthwise");
    assertThat(entry.get("id").get(0).get("_value").asText())
        .isEqualTo("http://fhir.patientedu.org/Library/oxytocin-healthwise");
    assertThat(entry.get("updated").get(0).get("_value").asText()).isNotBlank();
    assertThat(entry.get("summary").get("_value").asText())
        .contains("Review status: Overdue for review.");
  }

  @Test
  @Order(4)
  void jsonpWrapsTheJsonInTheCallback() throws Exception {
    HttpResponse<String> response =
        get(
            query(
                "mainSearchCriteria.v.dn", "Pitocin",
                "knowledgeResponseType", "application/javascript",
                "callback", "medlineplus.show"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/javascript");
    String body = response.body();
    assertThat(body).startsWith("/**/medlineplus.show(").endsWith(");");
    JsonNode feed =
        JSON.readTree(body.substring("/**/medlineplus.show(".length(), body.length() - 2))
            .get("feed");
    assertThat(feed.get("entry")).hasSize(1);
    assertThat(feed.get("entry").get(0).get("link").get(0).get("href").asText())
        .endsWith("/handouts/oxytocin-healthwise");
  }

  // --- code families, drafts, empty answers ----------------------------------------------------

  @Test
  @Order(5)
  void codeFamiliesFindLaborAndDeliveryPages() throws Exception {
    for (String[] code :
        List.of(
            new String[] {ICD10CM, "O70.0"}, // inside the O60-O77 range
            new String[] {ICD10CM, "O61.1"}, // a sibling of O61.0
            new String[] {ICD10CM, "O80"}, // tagged on Healthwise itself
            new String[] {SNOMED, "302383004"}, // a curated SNOMED CT descendant
            new String[] {RXNORM, "207315"})) { // oxytocin injection (Pitocin)
      assertThat(
              ids(
                  get(
                      query(
                          "mainSearchCriteria.v.cs", code[0], "mainSearchCriteria.v.c", code[1]))))
          .as(code[1])
          .containsExactly(HEALTHWISE);
    }
    assertThat(ids(get(query("mainSearchCriteria.v.dn", "Pitocin")))).containsExactly(HEALTHWISE);
  }

  @Test
  @Order(6)
  void draftsAreNeverReturnedAndNoMatchIsAnEmptyFeed() throws Exception {
    // G89.18 is in the pain family; the only pain-management page (noigroup) is a draft
    HttpResponse<String> pain =
        get(query("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "G89.18"));
    assertThat(pain.statusCode()).isEqualTo(200);
    Element feed = xml(pain.body()).getDocumentElement();
    assertThat(children(feed, "entry")).isEmpty();
    assertThat(child(feed, "subtitle").getTextContent())
        .isEqualTo("No reviewed patient education found for ICD-10-CM G89.18.");
    // a real SNOMED CT concept in no family
    assertThat(
            ids(
                get(
                    query(
                        "mainSearchCriteria.v.cs", SNOMED, "mainSearchCriteria.v.c", "22253000"))))
        .isEmpty();
    // Go Ask Alice and the AI-written page are tagged for lactation and labor: drafts, never
    // offered
    for (String code : List.of("O92.79", "O80", "Z39.1")) {
      assertThat(
              ids(get(query("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", code))))
          .as(code)
          .containsExactly(HEALTHWISE)
          .doesNotContainAnyElementsOf(DRAFTS);
    }
  }

  // --- ranking -------------------------------------------------------------------------------

  /**
   * Relevance first (a primary page, even overdue, before a secondary one), then review currency,
   * then the later review; at most 3 per code.
   */
  @Test
  @Order(7)
  void bestFirstAndAtMostThree() throws Exception {
    List<String> stored = new ArrayList<>();
    try {
      stored.add(
          approved(
              "ib-secondary-recent",
              ContextTag.Relevance.SECONDARY,
              "en",
              RunningServerTest.TODAY.toString()));
      stored.add(
          approved("ib-secondary-older", ContextTag.Relevance.SECONDARY, "en", "2026-01-15"));
      stored.add(approved("ib-primary-current", ContextTag.Relevance.PRIMARY, "en", "2026-06-01"));
      assertThat(
              ids(
                  get(
                      query(
                          "mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "O92.79"))))
          .containsExactly("ib-primary-current", HEALTHWISE, "ib-secondary-recent");
    } finally {
      stored.forEach(InfobuttonIT::delete);
    }
  }

  // --- language ------------------------------------------------------------------------------

  @Test
  @Order(8)
  void spanishAskedEnglishGivenIsLabelledEnglishAndSaidSo() throws Exception {
    for (String spanish : List.of("es", "sp", "ES")) {
      HttpResponse<String> response =
          get(
              query(
                  "mainSearchCriteria.v.cs", ICD10CM,
                  "mainSearchCriteria.v.c", "Z39.1",
                  "informationRecipient.languageCode.c", spanish));
      Element feed = xml(response.body()).getDocumentElement();
      assertThat(categories(feed)).contains("informationRecipient.languageCode.c=es");
      Element entry = children(feed, "entry").stream().collect(single());
      assertThat(entry.getAttributeNS(XML_NS, "lang")).isEqualTo("en");
      Element link = child(entry, "link");
      assertThat(link.getAttribute("hreflang")).isEqualTo("en");
      // the handout's own words around the English article speak Spanish
      assertThat(link.getAttribute("href"))
          .isEqualTo(PUBLIC_BASE + "/handouts/oxytocin-healthwise?lang=es");
      assertThat(child(entry, "summary").getTextContent())
          .contains("In English only: no Spanish version is available.");
    }
  }

  @Test
  @Order(9)
  void aSpanishTranslationIsOfferedInSpanish() throws Exception {
    Library page = page("ib-translated", ContextTag.Relevance.SECONDARY, "en-US");
    page.addContent()
        .setContentType("text/html")
        .setLanguage("es")
        .setTitle("Oxitocina y lactancia")
        .setUrl("Binary/ib-translated-html-es");
    server.editorClient().update().resource(page).execute();
    try {
      lifecycle(
          "ib-translated", "$review", review("Maria Lopez", RunningServerTest.TODAY.toString()));
      lifecycle("ib-translated", "$approve", new Parameters());
      Element feed =
          xml(get(query(
                      "mainSearchCriteria.v.cs",
                      ICD10CM,
                      "mainSearchCriteria.v.c",
                      "O92.79",
                      "informationRecipient.languageCode.c",
                      "es"))
                  .body())
              .getDocumentElement();
      Element entry = children(feed, "entry").stream().collect(single());
      assertThat(child(entry, "title").getTextContent()).isEqualTo("Oxitocina y lactancia");
      Element link = child(entry, "link");
      assertThat(link.getAttribute("hreflang")).isEqualTo("es");
      assertThat(link.getAttribute("href"))
          .isEqualTo(PUBLIC_BASE + "/handouts/ib-translated?lang=es");
      assertThat(child(entry, "summary").getTextContent())
          .contains("Spanish translation of a page written in English")
          .doesNotContain("only:");
    } finally {
      delete("ib-translated");
    }
  }

  /**
   * A Spanish page goes through the lifecycle through the FHIR API; each step shows in the next
   * answer: a draft is never offered, an approved page is, with its review, and a retired one no
   * longer is.
   */
  @Test
  @Order(10)
  void aReviewApprovalAndRetirementShowInTheNextAnswer() throws Exception {
    String id = "ib-lactancia";
    Library draft = page(id, ContextTag.Relevance.PRIMARY, "es");
    draft.setTitle("Lactancia y oxitocina");
    server.editorClient().update().resource(draft).execute();
    String spanish =
        query(
            "mainSearchCriteria.v.cs", ICD10CM,
            "mainSearchCriteria.v.c", "O92.79",
            "informationRecipient.languageCode.c", "es");
    try {
      assertThat(ids(get(spanish))).containsExactly(HEALTHWISE);

      lifecycle(id, "$review", review("Maria Lopez", RunningServerTest.TODAY.toString()));
      assertThat(ids(get(spanish))).as("reviewed, still a draft").containsExactly(HEALTHWISE);

      lifecycle(id, "$approve", new Parameters());
      Element entry =
          children(xml(get(spanish).body()).getDocumentElement(), "entry").stream()
              .collect(single());
      assertThat(child(entry, "link").getAttribute("href"))
          .isEqualTo(PUBLIC_BASE + "/handouts/" + id);
      assertThat(child(entry, "link").getAttribute("hreflang")).isEqualTo("es");
      assertThat(child(entry, "title").getTextContent()).isEqualTo("Lactancia y oxitocina");
      assertThat(child(entry, "summary").getTextContent())
          .contains("Review status: Current.")
          .contains("Medical review: Maria Lopez, MD (Obstetrics and Gynecology).")
          .doesNotContain("only:");
      // an English reader still gets the English page, not the Spanish one
      assertThat(
              ids(
                  get(
                      query(
                          "mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "O92.79"))))
          .containsExactly(HEALTHWISE);

      lifecycle(id, "$retire", new Parameters());
      assertThat(ids(get(spanish))).as("retired").containsExactly(HEALTHWISE);
    } finally {
      delete(id);
    }
  }

  // --- bad requests and the rate limit --------------------------------------------------------

  @Test
  @Order(11)
  void badRequestsAre400InTheFormatAsked() throws Exception {
    HttpResponse<String> noSystem = get(query("mainSearchCriteria.v.c", "O92.79"));
    assertThat(noSystem.statusCode()).isEqualTo(400);
    assertThat(noSystem.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
    Element error = xml(noSystem.body()).getDocumentElement();
    assertThat(error.getTagName()).isEqualTo("error");
    assertThat(child(error, "status").getTextContent()).isEqualTo("400");
    assertThat(child(error, "message").getTextContent())
        .contains("mainSearchCriteria.v.cs is required");

    HttpResponse<String> unknownOid =
        get(
            query(
                "mainSearchCriteria.v.c", "O92.79",
                "mainSearchCriteria.v.cs", "2.16.840.1.113883.6.999",
                "knowledgeResponseType", "application/json"));
    assertThat(unknownOid.statusCode()).isEqualTo(400);
    JsonNode json = JSON.readTree(unknownOid.body()).get("error");
    assertThat(json.get("status").asInt()).isEqualTo(400);
    assertThat(json.get("message").asText())
        .contains("'2.16.840.1.113883.6.999' is not a code system");

    HttpResponse<String> badCallback =
        get(
            query(
                "mainSearchCriteria.v.dn", "Pitocin",
                "knowledgeResponseType", "application/javascript",
                "callback", "alert(document.cookie)"));
    assertThat(badCallback.statusCode()).isEqualTo(400);
    assertThat(badCallback.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(badCallback.body()).doesNotContain("alert(");

    HttpResponse<String> badType =
        get(query("mainSearchCriteria.v.dn", "Pitocin", "knowledgeResponseType", "text/html"));
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(child(xml(badType.body()).getDocumentElement(), "message").getTextContent())
        .contains("knowledgeResponseType 'text/html' is not served");

    HttpResponse<String> badLanguage =
        get(
            query(
                "mainSearchCriteria.v.dn", "Pitocin", "informationRecipient.languageCode.c", "e$"));
    assertThat(badLanguage.statusCode()).isEqualTo(400);

    for (HttpResponse<String> response :
        List.of(noSystem, unknownOid, badCallback, badType, badLanguage)) {
      assertThat(response.body()).doesNotContain("Exception", "org.patientedu", "at java.");
    }
  }

  // --- answers kept per catalog edition -------------------------------------------------------

  /**
   * Answers are rendered once per catalog edition and then replayed: a replayed answer is the
   * rendered one byte for byte, requests that differ in anything the answer shows never share one
   * (the JSONP callback is wrapped per request), and the next write to the catalog renders them
   * again: the same bytes when the write changed none of them, the new page in every format when it
   * did, and gone again on retirement.
   */
  @Test
  @Order(12)
  void answersAreRenderedOncePerCatalogEditionAndReplayedByteForByte() throws Exception {
    String base = query("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "O92.79");
    List<String> requests =
        List.of(
            base,
            base + "&informationRecipient.languageCode.c=es",
            base + "&informationRecipient=PROV",
            base + "&mainSearchCriteria.v.dn=Other%20disorders%20of%20lactation",
            base + "&knowledgeResponseType=application/json",
            base + "&knowledgeResponseType=application/javascript&callback=showA",
            base + "&knowledgeResponseType=application/javascript&callback=showB",
            query("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "o92.79"),
            query("mainSearchCriteria.v.cs", SNOMED, "mainSearchCriteria.v.c", "413712001"),
            query("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "Z39.1"));
    int distinctAnswers = requests.size() - 1; // the two JSONP requests differ only in callback
    String id = "ib-cache-edition";
    Library draft = page(id, ContextTag.Relevance.PRIMARY, "en");
    // A write: a new catalog edition, so nothing is kept yet.
    server.editorClient().update().resource(draft).execute();
    try {
      long before = renderings();
      List<String> first = bodies(requests);
      assertThat(renderings() - before).as("rendered once each").isEqualTo(distinctAnswers);
      assertThat(first).as("no two requests share an answer").doesNotHaveDuplicates();
      assertThat(first).allSatisfy(body -> assertThat(body).contains("oxytocin-healthwise"));
      assertThat(first.get(5)).startsWith("/**/showA(");
      assertThat(first.get(6)).startsWith("/**/showB(");

      List<String> replayed = bodies(requests);
      assertThat(renderings() - before).as("replayed, none rendered").isEqualTo(distinctAnswers);
      assertThat(replayed).containsExactlyElementsOf(first);

      // A write that changes no answer (a draft's description): rendered anew, the same bytes.
      draft.setDescription("Still a draft.");
      server.editorClient().update().resource(draft).execute();
      List<String> rerendered = bodies(requests);
      assertThat(renderings() - before).isEqualTo(2L * distinctAnswers);
      assertThat(rerendered).containsExactlyElementsOf(first);

      lifecycle(id, "$review", review("Maria Lopez", RunningServerTest.TODAY.toString()));
      lifecycle(id, "$approve", new Parameters());
      assertThat(bodies(requests))
          .as("approved")
          .allSatisfy(body -> assertThat(body).contains("/handouts/" + id));
      lifecycle(id, "$retire", new Parameters());
      assertThat(bodies(requests))
          .as("retired")
          .allSatisfy(body -> assertThat(body).doesNotContain("/handouts/" + id))
          .containsExactlyElementsOf(first);
    } finally {
      delete(id);
    }
  }

  /** Each answer's bytes (compared as the exact text they decode to), in order. */
  private static List<String> bodies(List<String> queries) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (String query : queries) {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl() + "/infobutton" + query)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(response.statusCode()).as(query).isEqualTo(200);
      bodies.add(new String(response.body(), StandardCharsets.UTF_8));
    }
    return bodies;
  }

  /** How many answers the server rendered (rather than replayed) so far, from its DEBUG log. */
  private static long renderings() throws Exception {
    return server.log().lines().filter(l -> l.contains("Infobutton answer rendered")).count();
  }

  /** Last: uses up this address's allowance for the hour. */
  @Test
  @Order(Integer.MAX_VALUE)
  void pastTheRateLimitA429SaysWhenToComeBack() throws Exception {
    String request = query("mainSearchCriteria.v.dn", "Pitocin");
    HttpResponse<String> refused = null;
    for (int i = 0; i <= RATE_LIMIT && refused == null; i++) {
      HttpResponse<String> response = get(request);
      if (response.statusCode() == 429) {
        refused = response;
      } else {
        assertThat(response.statusCode()).isEqualTo(200);
      }
    }
    assertThat(refused).as("a 429 within " + (RATE_LIMIT + 1) + " requests").isNotNull();
    long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 3600L);
    assertThat(child(xml(refused.body()).getDocumentElement(), "status").getTextContent())
        .isEqualTo("429");
    HttpResponse<String> refusedJson = get(request + "&knowledgeResponseType=application/json");
    assertThat(refusedJson.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(refusedJson.body()).get("error").get("status").asInt()).isEqualTo(429);
    // other endpoints are not counted
    assertThat(
            send(HttpRequest.newBuilder(URI.create(server.fhirBase() + "/Library/" + HEALTHWISE)))
                .statusCode())
        .isEqualTo(200);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** A draft page tagged for lactation (Z39.1), in a language. */
  private static Library page(String id, ContextTag.Relevance relevance, String language) {
    Library page = TestLibraries.draft(id, "Test page " + id, "A test page.");
    page.setLanguage(language);
    ContextElements.addUseContexts(
        page,
        List.of(
            new ContextTag(
                ClinicalContext.LACTATION,
                relevance,
                List.of(ClinicalContext.LACTATION.code("icd-10-cm:Z39.1")),
                "Test page")));
    return page;
  }

  /** Stores, reviews (on that date) and approves a page; returns its id. */
  private static String approved(
      String id, ContextTag.Relevance relevance, String language, String reviewed) {
    server.editorClient().update().resource(page(id, relevance, language)).execute();
    lifecycle(id, "$review", review("Maria Lopez", reviewed));
    lifecycle(id, "$approve", new Parameters());
    return id;
  }

  private static void lifecycle(String id, String operation, Parameters parameters) {
    server
        .editorClient()
        .operation()
        .onInstance(new IdType("Library", id))
        .named(operation)
        .withParameters(parameters)
        .returnResourceType(Library.class)
        .execute();
  }

  private static void delete(String id) {
    IGenericClient editor = server.editorClient();
    editor.delete().resourceById("Library", id).execute();
  }

  private static Parameters review(String reviewer, String date) {
    Parameters parameters = new Parameters();
    parameters.addParameter("reviewerName", new StringType(reviewer));
    parameters.addParameter("credentials", new StringType("MD"));
    parameters.addParameter("specialty", new StringType("Obstetrics and Gynecology"));
    parameters.addParameter("date", new DateType(date));
    return parameters;
  }

  private static HttpResponse<String> get(String query) throws Exception {
    return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/infobutton" + query)));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The handout ids an Atom answer links to, in order. */
  private static List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (Element entry : children(xml(response.body()).getDocumentElement(), "entry")) {
      String href = child(entry, "link").getAttribute("href");
      assertThat(href).startsWith(PUBLIC_BASE + "/handouts/");
      String id = href.substring((PUBLIC_BASE + "/handouts/").length());
      ids.add(id.contains("?") ? id.substring(0, id.indexOf('?')) : id);
    }
    return ids;
  }

  private static java.util.stream.Collector<Element, ?, Element> single() {
    return java.util.stream.Collectors.collectingAndThen(
        java.util.stream.Collectors.toList(),
        list -> {
          assertThat(list).hasSize(1);
          return list.get(0);
        });
  }

  static String query(String... nameValue) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < nameValue.length; i += 2) {
      query
          .append(i == 0 ? '?' : '&')
          .append(URLEncoder.encode(nameValue[i], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(nameValue[i + 1], StandardCharsets.UTF_8));
    }
    return query.toString();
  }

  static Document xml(String body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element element && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    assertThat(found).as("<" + name + "> in <" + parent.getLocalName() + ">").hasSize(1);
    return found.get(0);
  }

  private static List<String> categories(Element feed) {
    List<String> categories = new ArrayList<>();
    for (Element category : children(feed, "category")) {
      categories.add(category.getAttribute("scheme") + "=" + category.getAttribute("term"));
    }
    return categories;
  }
}
