package org.patientedu.infobutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patientedu.terminology.CodeSystemOids;

/** The parameter forms of the HL7 URL-based Infobutton guide, read into one request. */
class InfobuttonRequestParserTest {

  private static Map<String, String[]> params(String... nameValue) {
    Map<String, String[]> map = new LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      map.put(nameValue[i], new String[] {nameValue[i + 1]});
    }
    return map;
  }

  @Test
  void theMedlinePlusConnectForm() {
    InfobuttonRequest request =
        InfobuttonRequestParser.parse(
            params(
                "mainSearchCriteria.v.cs", "2.16.840.1.113883.6.90",
                "mainSearchCriteria.v.c", "O92.79",
                "mainSearchCriteria.v.dn", "Other disorders of lactation",
                "informationRecipient.languageCode.c", "en",
                "informationRecipient", "PAT"));
    assertThat(request.criteria())
        .containsExactly(
            new InfobuttonRequest.Criterion(
                CodeSystemOids.ICD10CM, "O92.79", "Other disorders of lactation"));
    assertThat(request.language()).isEqualTo("en");
    assertThat(request.recipient()).isEqualTo("PAT");
    assertThat(request.format()).isEqualTo(ResponseFormat.XML);
  }

  @Test
  void numberedRepeatsAreCriteriaInTheirOrder() {
    InfobuttonRequest request =
        InfobuttonRequestParser.parse(
            params(
                "mainSearchCriteria.v.c1", "11466000",
                "mainSearchCriteria.v.cs1", "2.16.840.1.113883.6.96",
                "mainSearchCriteria.v.c", "G89.18",
                "mainSearchCriteria.v.cs", "2.16.840.1.113883.6.90",
                "mainSearchCriteria.v.dn2", "Pitocin"));
    assertThat(request.criteria())
        .containsExactly(
            new InfobuttonRequest.Criterion(CodeSystemOids.ICD10CM, "G89.18", null),
            new InfobuttonRequest.Criterion(CodeSystemOids.SNOMED, "11466000", null),
            new InfobuttonRequest.Criterion(null, null, "Pitocin"));
  }

  @Test
  void theDeprecatedFormAndAnyCaseOfNamesAndValues() {
    InfobuttonRequest request =
        InfobuttonRequestParser.parse(
            params(
                "MAINSEARCHCRITERIA.C.CS", "URN:OID:2.16.840.1.113883.6.88",
                "mainsearchcriteria.c.c", "207315",
                "InformationRecipient.LanguageCode.c", "SP",
                "informationrecipient", "prov",
                "KnowledgeResponseType", "Application/JSON"));
    assertThat(request.criteria())
        .containsExactly(new InfobuttonRequest.Criterion(CodeSystemOids.RXNORM, "207315", null));
    assertThat(request.language()).isEqualTo("es");
    assertThat(request.recipient()).isEqualTo("PROV");
    assertThat(request.format()).isEqualTo(ResponseFormat.JSON);
  }

  @Test
  void theCurrentFormWinsOverTheDeprecatedOneForTheSameCriterion() {
    InfobuttonRequest request =
        InfobuttonRequestParser.parse(
            params(
                "mainSearchCriteria.c.c", "O80",
                "mainSearchCriteria.v.c", "O61.1",
                "mainSearchCriteria.v.cs", "2.16.840.1.113883.6.90"));
    assertThat(request.criteria())
        .extracting(InfobuttonRequest.Criterion::code)
        .containsExactly("O61.1");
  }

  @Test
  void jsonpNeedsASafeCallback() {
    InfobuttonRequest request =
        InfobuttonRequestParser.parse(
            params(
                "mainSearchCriteria.v.dn", "Pitocin",
                "knowledgeResponseType", "application/javascript",
                "callback", "jQuery.handlers.cb_12"));
    assertThat(request.format()).isEqualTo(ResponseFormat.JSONP);
    assertThat(request.callback()).isEqualTo("jQuery.handlers.cb_12");
    for (String unsafe : new String[] {"alert(1)//", "a b", "x;y", "<script>", "1abc"}) {
      assertThatThrownBy(
              () ->
                  InfobuttonRequestParser.parse(
                      params(
                          "mainSearchCriteria.v.dn", "Pitocin",
                          "knowledgeResponseType", "application/javascript",
                          "callback", unsafe)))
          .as(unsafe)
          .isInstanceOfSatisfying(
              BadInfobuttonRequest.class,
              bad -> assertThat(bad.format().format()).isEqualTo(ResponseFormat.JSON));
    }
  }

  @Test
  void badRequestsNameTheParameterToFix() {
    assertBad(params("mainSearchCriteria.v.c", "O92.79"), "mainSearchCriteria.v.cs is required");
    assertBad(
        params("mainSearchCriteria.v.c", "O92.79", "mainSearchCriteria.v.cs", "1.2.3"),
        "'1.2.3' is not a code system this service knows");
    assertBad(params("informationRecipient", "PAT"), "Nothing to look up");
    assertBad(
        params("mainSearchCriteria.v.cs1", "2.16.840.1.113883.6.90"),
        "mainSearchCriteria.v.cs1 is given without a code");
    assertBad(
        params("mainSearchCriteria.v.dn", "x", "informationRecipient.languageCode.c", "en_US!"),
        "is not a language code");
    assertBad(
        params("mainSearchCriteria.v.dn", "x", "informationRecipient", "NURSE"), "PAT or PROV");
    assertBad(params("mainSearchCriteria.v.dn", "x", "age.v.v", "ten"), "age.v.v 'ten'");
    assertBad(params("mainSearchCriteria.v.dn", "x", "age.v.u", "years"), "age.v.u 'years'");
    assertBad(
        params("mainSearchCriteria.v.dn", "x", "patientPerson.administrativeGenderCode.c", "Q"),
        "M, F or UN");
    assertBad(
        params("mainSearchCriteria.v.dn", "x", "knowledgeResponseType", "text/html"),
        "knowledgeResponseType 'text/html' is not served");
  }

  private static void assertBad(Map<String, String[]> params, String message) {
    assertThatThrownBy(() -> InfobuttonRequestParser.parse(params))
        .isInstanceOf(BadInfobuttonRequest.class)
        .hasMessageContaining(message);
  }
}
