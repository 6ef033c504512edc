package org.patientedu.ig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.SearchParameter;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.junit.jupiter.api.Test;
import org.patientedu.contentpack.PackTerminology;
import org.patientedu.testing.ReviewReports;
import org.patientedu.testing.RunningServerTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.info.BuildProperties;

/**
 * The guide as the running server offers it: the package, the pages, the five pages served, write
 * validation, versions.
 */
class ImplementationGuideIT extends RunningServerTest {

  static final List<String> PAGES =
      List.of(
          "oxytocin-healthwise",
          "oxytocin-goaskalice",
          "oxytocin-perexp",
          "oxytocin-noigroup",
          "oxytocin-loveandlife");

  @Autowired FhirValidator profileValidator;

  @Autowired IgPackage igPackage;

  @Autowired BuildProperties buildProperties;

  @Autowired DaoRegistry daoRegistry;

  @Test
  void servesThePackageTheBuildMade() throws Exception {
    HttpResponse<byte[]> latest = getBytes("/ig/package.tgz");
    assertThat(latest.statusCode()).isEqualTo(200);
    assertThat(latest.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/gzip"));
    assertThat(latest.body()).isEqualTo(igPackage.bytes());

    NpmPackage npm = NpmPackage.fromPackage(new ByteArrayInputStream(latest.body()));
    assertThat(npm.name()).isEqualTo("org.patientedu.fhir");
    assertThat(npm.canonical()).isEqualTo("http://fhir.patientedu.org");
    assertThat(npm.fhirVersion()).isEqualTo("4.0.1");
    assertThat(npm.getFolders().get("example").listFiles())
        .contains("Library-oxytocin-healthwise.json");

    assertThat(getBytes("/ig/" + npm.version() + "/package.tgz").body()).isEqualTo(latest.body());
    assertNotFound("/ig/9.9.9/package.tgz");
  }

  /** The store holds the guide's own definitions (not copies): same text, same codes. */
  @Test
  void theStoreHoldsTheGuidesSearchParametersAndTerminology() {
    SearchParameter reviewStatus =
        anonymousClient().read().resource(SearchParameter.class).withId("review-status").execute();
    assertThat(reviewStatus.getDescription())
        .isEqualTo(
            "Libraries and DocumentReferences by review status (current | due-soon | overdue |"
                + " publisher-reviewed | never-reviewed), for example"
                + " Library?review-status=overdue.");
    assertThat(reviewStatus.getExpression())
        .isEqualTo(
            "Library.extension('http://fhir.patientedu.org/StructureDefinition/review-status').value"
                + " | DocumentReference.extension('http://fhir.patientedu.org/StructureDefinition/review-status').value");
    CodeSystem codes =
        anonymousClient().read().resource(CodeSystem.class).withId("review-status").execute();
    assertThat(codes.getConcept())
        .extracting(c -> c.getCode())
        .containsExactly("current", "due-soon", "overdue", "publisher-reviewed", "never-reviewed");
    ValueSet contexts =
        anonymousClient().read().resource(ValueSet.class).withId("clinical-context").execute();
    assertThat(contexts.getUrl()).isEqualTo("http://fhir.patientedu.org/ValueSet/clinical-context");
  }

  @Test
  void theGuidePageShowsProfilesCodesAndLinksToTheLiveExamples() {
    HttpResponse<String> page = get("/ig/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Patient Education Library",
            "Patient Education DocumentReference",
            "Education Given DocumentReference",
            "Education Given Procedure")
        .contains("Library.useContext:clinicalFocus", ">MS<")
        .contains("O62.2", "413712001", "never-reviewed")
        .contains(
            "href=\"/fhir/Library/oxytocin-healthwise\"",
            "href=\"/fhir/DocumentReference/oxytocin-loveandlife\"")
        .contains("Library/[id]/$review", "/$review-report");

    HttpResponse<String> loading = get("/ig/pages/loading");
    assertThat(loading.statusCode()).isEqualTo(200);
    assertThat(loading.body())
        .contains(
            "<h1>Loading the package into a HAPI FHIR server</h1>", "setInstallResourceTypes");
    assertThat(get("/ig/pages/credits-mapping").body()).contains("<table>", "reviewer-specialty");
    assertThat(get("/ig/pages/cds-hooks").body())
        .contains(
            "<h1>CDS Hooks: cards and the record that education was given</h1>",
            "patient-education-encounter-start",
            "311401005");
    assertNotFound("/ig/pages/no-such-page");
  }

  @Test
  void everyServedPageMeetsTheProfiles() {
    for (String id : PAGES) {
      for (String type : List.of("Library", "DocumentReference")) {
        HttpResponse<String> response = get("/fhir/" + type + "/" + id);
        assertThat(response.statusCode()).as(type + "/" + id).isEqualTo(200);
        IBaseResource served = fhirContext().newJsonParser().parseResource(response.body());
        ValidationResult result =
            profileValidator.validateWithResult(served, Validation.options(served));
        assertThat(Validation.errors(result)).as("served " + type + "/" + id).isEmpty();
      }
    }
  }

  @Test
  void writesThatClaimAProfileAndBreakItAreRefusedWith422() throws Exception {
    Library library =
        fhirContext()
            .newJsonParser()
            .parseResource(
                Library.class,
                Files.readString(Path.of("src/test/resources/ig/valid/Library-minimal.json")));
    library.setId("ig-write-test");
    library.setUrl("http://fhir.patientedu.org/Library/ig-write-test");
    library.getMeta().addProfile(PackTerminology.PROFILE_LIBRARY);
    assertCreated(put(library), "Library/ig-write-test");

    library.getUseContext().clear();
    HttpResponse<String> refused = put(library);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("OperationOutcome", "Library.useContext: minimum required = 1");

    // No claim, no profile check: the server stores other kinds of Library too.
    library.setMeta(null);
    library.setId("ig-write-unclaimed");
    library.setUrl("http://fhir.patientedu.org/Library/ig-write-unclaimed");
    assertCreated(put(library), "Library/ig-write-unclaimed");
  }

  @Test
  void documentReferenceWritesThatClaimTheProfileAndBreakItAreRefusedWith422() throws Exception {
    DocumentReference document =
        fhirContext()
            .newJsonParser()
            .parseResource(
                DocumentReference.class,
                Files.readString(
                    Path.of("src/test/resources/ig/valid/DocumentReference-minimal.json")));
    document.setId("ig-write-document");
    document.getContext().getRelatedFirstRep().setReference("Library/oxytocin-healthwise");
    document.getMeta().addProfile(PackTerminology.PROFILE_DOCUMENT_REFERENCE);
    assertCreated(put(document), "DocumentReference/ig-write-document");

    document.getCategory().clear();
    HttpResponse<String> refused = put(document);
    assertThat(refused.statusCode()).isEqualTo(422);
    OperationOutcome outcome =
        fhirContext().newJsonParser().parseResource(OperationOutcome.class, refused.body());
    assertThat(outcome.getIssue())
        .filteredOn(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR)
        .extracting(i -> i.getDiagnostics())
        .anySatisfy(
            d -> assertThat(d).contains("DocumentReference.category: minimum required = 1"));
    DocumentReference stored =
        anonymousClient()
            .read()
            .resource(DocumentReference.class)
            .withId("ig-write-document")
            .execute();
    assertThat(stored.getCategory()).as("the refused version was not stored").hasSize(1);
    assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
  }

  /**
   * Spring's error answer for a client that asked for no HTML: status, reason, path; no message.
   */
  private void assertNotFound(String path) {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(404);
    assertThat(response.body())
        .contains("\"status\":404", "\"error\":\"Not Found\"", "\"path\":\"" + path + "\"")
        .doesNotContain("\"message\"");
  }

  /** 201, version 1, and the stored resource in the body (HAPI's default on create). */
  private static void assertCreated(HttpResponse<String> response, String typeAndId) {
    assertThat(response.statusCode()).as(typeAndId).isEqualTo(201);
    assertThat(response.headers().firstValue("ETag")).hasValue("W/\"1\"");
    IBaseResource created = fhirContext().newJsonParser().parseResource(response.body());
    assertThat(created.getIdElement().toUnqualifiedVersionless().getValue()).isEqualTo(typeAndId);
    assertThat(created.getMeta().getVersionId()).isEqualTo("1");
  }

  /**
   * The server's own writes (SystemRequestDetails: the lifecycle operations, the daily review
   * refresh and the pack load all write this way) pass the same profile validation as REST writes.
   */
  @Test
  void aWriteTheServerMakesItselfThatBreaksAClaimedProfileIsRefused() throws Exception {
    Library library =
        fhirContext()
            .newJsonParser()
            .parseResource(
                Library.class,
                Files.readString(Path.of("src/test/resources/ig/valid/Library-minimal.json")));
    library.setId("ig-system-write-test");
    library.setUrl("http://fhir.patientedu.org/Library/ig-system-write-test");
    library.getMeta().addProfile(PackTerminology.PROFILE_LIBRARY);
    library.getUseContext().clear();
    IFhirResourceDao<Library> libraries = daoRegistry.getResourceDao(Library.class);

    assertThatThrownBy(() -> libraries.update(library, new SystemRequestDetails()))
        .isInstanceOf(UnprocessableEntityException.class)
        .hasMessageContaining("Library.useContext: minimum required = 1, but only found 0");
    assertThat(get("/fhir/Library/ig-system-write-test").statusCode()).isEqualTo(404);
  }

  @Test
  void theReviewReportAnswersWithTheParametersItsDefinitionNames() throws Exception {
    OperationDefinition definition =
        fhirContext()
            .newJsonParser()
            .parseResource(
                OperationDefinition.class,
                new String(
                    igPackage
                        .npm()
                        .getFolders()
                        .get("package")
                        .fetchFile("OperationDefinition-review-report.json"),
                    java.nio.charset.StandardCharsets.UTF_8));
    Map<String, List<String>> defined = new java.util.HashMap<>();
    definition
        .getParameter()
        .forEach(
            p -> defined.put(p.getName(), p.getPart().stream().map(x -> x.getName()).toList()));

    Parameters report = ReviewReports.fetch(anonymousClient());
    assertThat(report.getParameter()).isNotEmpty();
    for (var parameter : report.getParameter()) {
      assertThat(defined)
          .as("out parameter " + parameter.getName())
          .containsKey(parameter.getName());
      parameter
          .getPart()
          .forEach(part -> assertThat(defined.get(parameter.getName())).contains(part.getName()));
    }
  }

  @Test
  void sushiConfigPackageCapabilityStatementAndApplicationAgreeOnTheVersion() throws Exception {
    String pomVersion =
        firstMatch(Files.readString(Path.of("pom.xml")), "</parent>.*?<version>([^<]+)</version>");
    String sushiVersion =
        firstMatch(Files.readString(Path.of("ig/sushi-config.yaml")), "(?m)^version:\\s*(\\S+)");
    Map<?, ?> packageJson =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readValue(igPackage.npm().load("package", "package.json"), Map.class);
    CapabilityStatement metadata =
        anonymousClient().capabilities().ofType(CapabilityStatement.class).execute();

    assertThat(sushiVersion).isEqualTo(pomVersion);
    assertThat(packageJson.get("version")).isEqualTo(pomVersion);
    assertThat(buildProperties.getVersion()).isEqualTo(pomVersion);
    assertThat(metadata.getSoftware().getVersion()).isEqualTo(pomVersion);
    assertThat(metadata.getImplementationGuide())
        .extracting(c -> c.getValue())
        .contains(
            "http://fhir.patientedu.org/ImplementationGuide/org.patientedu.fhir|" + pomVersion);
    assertThat(metadata.getRest().get(0).getResource())
        .filteredOn(r -> r.getType().equals("Library"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.getSupportedProfile())
                    .extracting(c -> c.getValue())
                    .contains(PackTerminology.PROFILE_LIBRARY));
  }

  private HttpResponse<String> put(org.hl7.fhir.r4.model.Resource resource) {
    String body = fhirContext().newJsonParser().encodeResourceToString(resource);
    return send(
        HttpRequest.newBuilder(
                URI.create(
                    fhirBase()
                        + "/"
                        + resource.fhirType()
                        + "/"
                        + resource.getIdElement().getIdPart()))
            .header("Content-Type", "application/fhir+json")
            .header("Authorization", "Bearer " + EDITOR_TOKEN)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpResponse<byte[]> getBytes(String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String firstMatch(String text, String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
    assertThat(matcher.find()).as(regex).isTrue();
    return matcher.group(1).strip();
  }
}
