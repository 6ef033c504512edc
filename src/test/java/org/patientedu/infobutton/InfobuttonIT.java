package org.patientedu.infobutton;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.ClinicalContext;
import org.patientedu.contentpack.ContextTag;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.testing.RunningServerTest;
import org.patientedu.testing.TestLibraries;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Infobutton responder as an EHR configured for MedlinePlus Connect calls it: plain HTTP, every
 * parameter form, each answer parsed (Atom with an XML parser, JSON with Jackson). Expected pages
 * come from the content pack's import.properties: of the pages tagged for lactation and for labor
 * and delivery only Healthwise (lactation primary) and Go Ask Alice (secondary) are active; the
 * AI-written page is a draft, and the only pain-management page is a draft. Both active pages are
 * overdue for review on {@link #TODAY}.
 */
class InfobuttonIT extends RunningServerTest {

  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String ICD10CM = "2.16.840.1.113883.6.90";
  private static final String SNOMED = "2.16.840.1.113883.6.96";
  private static final String RXNORM = "2.16.840.1.113883.6.88";
  private static final String HEALTHWISE = "oxytocin-healthwise";
  private static final String GO_ASK_ALICE = "oxytocin-goaskalice";
  private static final Set<String> SEEDS =
      Set.of(
          HEALTHWISE, GO_ASK_ALICE, "oxytocin-perexp", "oxytocin-noigroup", "oxytocin-loveandlife");
  private static final ObjectMapper JSON = new ObjectMapper();

  // --- Atom ----------------------------------------------------------------------------------

  @Test
  void aChildCodeFindsItsFamilysApprovedPagesBestFirstInAtom() throws Exception {
    HttpResponse<String> response =
        get(
            "/infobutton"
                + query(
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
    assertThat(feed.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("en");
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

    List<Element> entries = children(feed, "entry");
    assertThat(handoutIds(entries)).containsExactly(HEALTHWISE, GO_ASK_ALICE);
    Element healthwise = entryFor(entries, HEALTHWISE);
    assertThat(child(healthwise, "title").getTextContent()).isEqualTo("Oxytocin");
    Element link = child(healthwise, "link");
    assertThat(link.getAttribute("href")).isEqualTo(baseUrl() + "/handouts/oxytocin-healthwise");
    assertThat(link.getAttribute("rel")).isEqualTo("alternate");
    assertThat(link.getAttribute("type")).isEqualTo("text/html");
    assertThat(link.getAttribute("hreflang")).isEqualTo("en");
    assertThat(child(healthwise, "id").getTextContent())
        .isEqualTo("http://fhir.patientedu.org/Library/oxytocin-healthwise");
    assertThat(child(healthwise, "updated").getTextContent()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    Element summary = child(healthwise, "summary");
    assertThat(summary.getAttribute("type")).isEqualTo("html");
    assertThat(summary.getTextContent())
        .contains("Review status: Overdue for review.")
        .contains("Last reviewed April 13, 2022.")
        .contains("Medical review: Sarah Marshall, MD (Family Medicine);")
        .contains("Check it against current guidance before handing it out.");
    assertThat(child(entryFor(entries, GO_ASK_ALICE), "summary").getTextContent())
        .contains("No medical reviewer is named.");
  }

  // --- every parameter form ------------------------------------------------------------------

  @Test
  void everyParameterFormGivesTheSameAnswer() throws Exception {
    List<HttpResponse<String>> forms = new ArrayList<>();
    forms.add(
        get(
            "/infobutton"
                + query("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "O92.79")));
    // the path MedlinePlus Connect clients append to the base URL
    forms.add(
        get(
            "/infobutton/service"
                + query("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "O92.79")));
    // form POST
    forms.add(
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + "/infobutton"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        query(
                                "mainSearchCriteria.v.cs",
                                ICD10CM,
                                "mainSearchCriteria.v.c",
                                "O92.79")
                            .substring(1)))));
    // numbered repeats
    forms.add(
        get(
            "/infobutton"
                + query("mainSearchCriteria.v.cs1", ICD10CM, "mainSearchCriteria.v.c1", "O92.79")));
    // the deprecated form, in other cases
    forms.add(
        get(
            "/infobutton"
                + query(
                    "MainSearchCriteria.C.CS",
                    "urn:oid:" + ICD10CM,
                    "mainsearchcriteria.c.c",
                    "o92.79")));
    for (HttpResponse<String> response : forms) {
      assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(200);
      assertThat(handoutIds(children(xml(response.body()).getDocumentElement(), "entry")))
          .as(response.uri().toString())
          .containsExactly(HEALTHWISE, GO_ASK_ALICE);
    }
  }

  // --- JSON and JSONP ------------------------------------------------------------------------

  @Test
  void jsonInTheShapeMedlinePlusConnectClientsParse() throws Exception {
    HttpResponse<String> response =
        get(
            "/infobutton"
                + query(
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
    List<String> ids = new ArrayList<>();
    for (JsonNode entry : feed.get("entry")) {
      String href = entry.get("link").get(0).get("href").asText();
      if (seed(href)) {
        ids.add(href.substring(href.lastIndexOf('/') + 1));
      }
      assertThat(entry.get("title").get("_value").asText()).isNotBlank();
      assertThat(entry.get("id").get(0).get("_value").asText()).isNotBlank();
      assertThat(entry.get("updated").get(0).get("_value").asText()).isNotBlank();
      assertThat(entry.get("summary").get("_value").asText()).contains("Review status:");
    }
    // labor and delivery: both secondary, neither tagged 11466000; the later review first
    assertThat(ids).containsExactly(HEALTHWISE, GO_ASK_ALICE);
  }

  @Test
  void jsonpWrapsTheJsonInTheCallback() throws Exception {
    HttpResponse<String> response =
        get(
            "/infobutton"
                + query(
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
    assertThat(seedIds(feed)).containsExactly(HEALTHWISE, GO_ASK_ALICE);
  }

  // --- code families -------------------------------------------------------------------------

  @Test
  void codeFamiliesFindLaborAndDeliveryPages() throws Exception {
    for (String[] code :
        List.of(
            new String[] {ICD10CM, "O70.0"}, // inside the O60-O77 range
            new String[] {ICD10CM, "O61.1"}, // a sibling of the tagged O61.0
            new String[] {ICD10CM, "O80"}, // tagged on Healthwise itself
            new String[] {SNOMED, "302383004"}, // a curated SNOMED CT descendant
            new String[] {RXNORM, "207315"})) { // oxytocin injection (Pitocin)
      assertThat(atomIds("mainSearchCriteria.v.cs", code[0], "mainSearchCriteria.v.c", code[1]))
          .as(code[1])
          .containsExactly(HEALTHWISE, GO_ASK_ALICE);
    }
    assertThat(atomIds("mainSearchCriteria.v.dn", "Pitocin"))
        .containsExactly(HEALTHWISE, GO_ASK_ALICE);
  }

  @Test
  void draftsAreNeverReturnedAndNoMatchIsAnEmptyFeed() throws Exception {
    // G89.18 is in the pain family; the only pain-management page (noigroup) is a draft
    HttpResponse<String> pain =
        get(
            "/infobutton"
                + query("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "G89.18"));
    assertThat(pain.statusCode()).isEqualTo(200);
    Element feed = xml(pain.body()).getDocumentElement();
    assertThat(children(feed, "entry")).isEmpty();
    assertThat(child(feed, "subtitle").getTextContent())
        .isEqualTo("No reviewed patient education found for ICD-10-CM G89.18.");
    // a code in no family
    assertThat(atomIds("mainSearchCriteria.v.cs", SNOMED, "mainSearchCriteria.v.c", "22253000"))
        .isEmpty();
    // the AI-written draft is tagged for lactation and labor: never in those answers either
    for (String code : List.of("O92.79", "O80", "Z39.1")) {
      List<String> all = allIds("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", code);
      assertThat(all)
          .isNotEmpty()
          .doesNotContain("oxytocin-perexp", "oxytocin-noigroup", "oxytocin-loveandlife");
      for (String id : all) {
        Library library = anonymousClient().read().resource(Library.class).withId(id).execute();
        assertThat(library.getStatus().toCode()).as(id).isEqualTo("active");
      }
    }
  }

  // --- language ------------------------------------------------------------------------------

  @Test
  void spanishAskedEnglishGivenIsLabelledEnglishAndSaidSo() throws Exception {
    for (String spanish : List.of("es", "sp", "ES")) {
      HttpResponse<String> response =
          get(
              "/infobutton"
                  + query(
                      "mainSearchCriteria.v.cs", ICD10CM,
                      "mainSearchCriteria.v.c", "Z39.1",
                      "informationRecipient.languageCode.c", spanish));
      Element feed = xml(response.body()).getDocumentElement();
      assertThat(categories(feed)).contains("informationRecipient.languageCode.c=es");
      List<Element> entries = children(feed, "entry");
      assertThat(handoutIds(entries)).containsExactly(HEALTHWISE, GO_ASK_ALICE);
      for (Element entry : entries) {
        assertThat(entry.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"))
            .isEqualTo("en");
        assertThat(child(entry, "link").getAttribute("hreflang")).isEqualTo("en");
        assertThat(child(entry, "summary").getTextContent())
            .contains("In English only: no Spanish version is available.");
      }
    }
  }

  /**
   * A Spanish page goes through the lifecycle through the FHIR API; each step shows in the next
   * answer: a draft is never offered, an approved page is, in Spanish to a Spanish request and with
   * its new review, and a retired one no longer is.
   */
  @Test
  void aReviewApprovalAndRetirementShowInTheNextAnswer() throws Exception {
    String id = "infobutton-test-lactancia";
    Library draft = TestLibraries.draft(id, "Lactancia y oxitocina", "Cómo ayuda la oxitocina.");
    draft.setLanguage("es");
    ContextElements.addUseContexts(
        draft,
        List.of(
            new ContextTag(
                ClinicalContext.LACTATION,
                ContextTag.Relevance.PRIMARY,
                List.of(ClinicalContext.LACTATION.code("icd-10-cm:Z39.1")),
                "Test page in Spanish")));
    editorClient().update().resource(draft).execute();
    String[] spanishRequest = {
      "mainSearchCriteria.v.cs", ICD10CM,
      "mainSearchCriteria.v.c", "O92.79",
      "informationRecipient.languageCode.c", "es"
    };
    try {
      assertThat(allIds(spanishRequest)).doesNotContain(id);

      lifecycle(id, "$review", review("Maria Lopez"));
      assertThat(allIds(spanishRequest)).as("reviewed, still a draft").doesNotContain(id);

      lifecycle(id, "$approve", new Parameters());
      HttpResponse<String> approved = get("/infobutton" + query(spanishRequest));
      List<Element> entries = children(xml(approved.body()).getDocumentElement(), "entry");
      assertThat(handoutIds(entries, Set.of(id, HEALTHWISE, GO_ASK_ALICE))).containsExactly(id);
      Element entry = entries.get(0);
      assertThat(child(entry, "link").getAttribute("hreflang")).isEqualTo("es");
      assertThat(child(entry, "summary").getTextContent())
          .contains("Review status: Current.")
          .contains("Medical review: Maria Lopez, MD (Obstetrics and Gynecology).")
          .doesNotContain("only:");
      // An English request still gets the English pages first; the Spanish page is not English
      assertThat(atomIds("mainSearchCriteria.v.cs", ICD10CM, "mainSearchCriteria.v.c", "O92.79"))
          .containsExactly(HEALTHWISE, GO_ASK_ALICE);

      lifecycle(id, "$retire", new Parameters());
      assertThat(allIds(spanishRequest)).as("retired").doesNotContain(id).contains(HEALTHWISE);
    } finally {
      editorClient().delete().resourceById("Library", id).execute();
    }
  }

  // --- bad requests --------------------------------------------------------------------------

  @Test
  void badRequestsAre400InTheFormatAsked() throws Exception {
    HttpResponse<String> noSystem = get("/infobutton" + query("mainSearchCriteria.v.c", "O92.79"));
    assertThat(noSystem.statusCode()).isEqualTo(400);
    assertThat(noSystem.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
    Element error = xml(noSystem.body()).getDocumentElement();
    assertThat(error.getTagName()).isEqualTo("error");
    assertThat(child(error, "status").getTextContent()).isEqualTo("400");
    assertThat(child(error, "message").getTextContent())
        .contains("mainSearchCriteria.v.cs is required");

    HttpResponse<String> unknownOid =
        get(
            "/infobutton"
                + query(
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
            "/infobutton"
                + query(
                    "mainSearchCriteria.v.dn", "Pitocin",
                    "knowledgeResponseType", "application/javascript",
                    "callback", "alert(document.cookie)"));
    assertThat(badCallback.statusCode()).isEqualTo(400);
    assertThat(badCallback.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(badCallback.body()).doesNotContain("alert(");

    HttpResponse<String> badType =
        get(
            "/infobutton"
                + query(
                    "mainSearchCriteria.v.dn", "Pitocin", "knowledgeResponseType", "text/html"));
    assertThat(badType.statusCode()).isEqualTo(400);
    assertThat(child(xml(badType.body()).getDocumentElement(), "message").getTextContent())
        .contains("knowledgeResponseType 'text/html' is not served");

    HttpResponse<String> badLanguage =
        get(
            "/infobutton"
                + query(
                    "mainSearchCriteria.v.dn",
                    "Pitocin",
                    "informationRecipient.languageCode.c",
                    "e$"));
    assertThat(badLanguage.statusCode()).isEqualTo(400);

    for (HttpResponse<String> response :
        List.of(noSystem, unknownOid, badCallback, badType, badLanguage)) {
      assertThat(response.body()).doesNotContain("Exception", "org.patientedu", "at java.");
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private void lifecycle(String id, String operation, Parameters parameters) {
    editorClient()
        .operation()
        .onInstance(new IdType("Library", id))
        .named(operation)
        .withParameters(parameters)
        .returnResourceType(Library.class)
        .execute();
  }

  private static Parameters review(String reviewer) {
    Parameters parameters = new Parameters();
    parameters.addParameter("reviewerName", new StringType(reviewer));
    parameters.addParameter("credentials", new StringType("MD"));
    parameters.addParameter("specialty", new StringType("Obstetrics and Gynecology"));
    parameters.addParameter("date", new DateType(TODAY.toString()));
    return parameters;
  }

  /** The seed pages an Atom answer lists, in order (pages other tests stored are left out). */
  private List<String> atomIds(String... nameValue) throws Exception {
    HttpResponse<String> response = get("/infobutton" + query(nameValue));
    assertThat(response.statusCode()).isEqualTo(200);
    return handoutIds(children(xml(response.body()).getDocumentElement(), "entry"));
  }

  /** Every page an Atom answer lists, in order. */
  private List<String> allIds(String... nameValue) throws Exception {
    HttpResponse<String> response = get("/infobutton" + query(nameValue));
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (Element entry : children(xml(response.body()).getDocumentElement(), "entry")) {
      ids.add(handoutId(entry));
    }
    return ids;
  }

  private List<String> handoutIds(List<Element> entries) {
    return handoutIds(entries, SEEDS);
  }

  private List<String> handoutIds(List<Element> entries, Set<String> known) {
    List<String> ids = new ArrayList<>();
    for (Element entry : entries) {
      String id = handoutId(entry);
      if (known.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  private String handoutId(Element entry) {
    String href = child(entry, "link").getAttribute("href");
    assertThat(href).startsWith(baseUrl() + "/handouts/");
    return href.substring(href.lastIndexOf('/') + 1);
  }

  private static Element entryFor(List<Element> entries, String id) {
    return entries.stream()
        .filter(e -> child(e, "link").getAttribute("href").endsWith("/handouts/" + id))
        .findFirst()
        .orElseThrow();
  }

  private boolean seed(String href) {
    return SEEDS.contains(href.substring(href.lastIndexOf('/') + 1));
  }

  private List<String> seedIds(JsonNode feed) {
    List<String> ids = new ArrayList<>();
    for (JsonNode entry : feed.get("entry")) {
      String href = entry.get("link").get(0).get("href").asText();
      if (seed(href)) {
        ids.add(href.substring(href.lastIndexOf('/') + 1));
      }
    }
    return ids;
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
