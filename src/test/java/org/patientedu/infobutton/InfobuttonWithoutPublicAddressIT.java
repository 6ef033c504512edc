package org.patientedu.infobutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patientedu.infobutton.InfobuttonIT.child;
import static org.patientedu.infobutton.InfobuttonIT.query;
import static org.patientedu.infobutton.InfobuttonIT.xml;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.RunningServerTest;

/**
 * The shared test server has no edu.handouts.public-base-url: the responder will not make links out
 * of a request's Host header, so it says it cannot answer (503), in the format asked.
 */
class InfobuttonWithoutPublicAddressIT extends RunningServerTest {

  private static final String O92_79 =
      query(
          "mainSearchCriteria.v.cs", "2.16.840.1.113883.6.90", "mainSearchCriteria.v.c", "O92.79");

  @Test
  void withoutAPublicAddressTheResponderGivesNoLinks() throws Exception {
    HttpResponse<String> atom = get("/infobutton" + O92_79);
    assertThat(atom.statusCode()).isEqualTo(503);
    assertThat(atom.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
    assertThat(child(xml(atom.body()).getDocumentElement(), "message").getTextContent())
        .contains("edu.handouts.public-base-url is not set");
    assertThat(atom.body()).doesNotContain("/handouts/", "localhost");

    HttpResponse<String> json =
        get("/infobutton" + O92_79 + "&knowledgeResponseType=application/json");
    assertThat(json.statusCode()).isEqualTo(503);
    assertThat(new ObjectMapper().readTree(json.body()).get("error").get("status").asInt())
        .isEqualTo(503);

    // a malformed request is still told what to fix
    assertThat(get("/infobutton?mainSearchCriteria.v.c=O92.79").statusCode()).isEqualTo(400);
  }
}
