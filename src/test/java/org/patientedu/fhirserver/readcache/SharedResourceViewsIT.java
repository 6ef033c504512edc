package org.patientedu.fhirserver.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.ReviewReports;
import org.patientedu.testing.RunningServerTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The handout catalog and the review report both view every Library: a Library written is read once
 * for both, not once per feature.
 */
class SharedResourceViewsIT extends RunningServerTest {

  @Autowired SharedResourceViews sharedViews;

  @Test
  void aWrittenLibraryIsReadOnceForTheCatalogAndTheReviewReport() {
    ResourceViews<Library> libraries = sharedViews.of(Library.class);
    int neverReviewedBefore = neverReviewed();
    long readBefore = libraries.resourcesRead();

    // retired and claiming no profile: offered nowhere, but a Library every view holds
    Library probe = new Library();
    probe.setStatus(PublicationStatus.RETIRED);
    probe.setTitle("Shared views probe");
    probe.getType().addCoding().setCode("asset-collection");
    IGenericClient editor = editorClient();
    IIdType id = editor.create().resource(probe).execute().getId().toUnqualifiedVersionless();
    try {
      assertThat(get("/").statusCode()).isEqualTo(200);
      assertThat(libraries.resourcesRead()).as("the catalog read it").isEqualTo(readBefore + 1);

      assertThat(neverReviewed())
          .as("the report counts it: no review date")
          .isEqualTo(neverReviewedBefore + 1);
      assertThat(libraries.resourcesRead())
          .as("the report's view was made from the catalog's read")
          .isEqualTo(readBefore + 1);
    } finally {
      editor.delete().resourceById(id).execute();
    }
    assertThat(neverReviewed()).isEqualTo(neverReviewedBefore);
    assertThat(get("/").statusCode()).isEqualTo(200);
    assertThat(libraries.resourcesRead()).as("a delete reads nothing").isEqualTo(readBefore + 1);
  }

  private int neverReviewed() {
    Parameters report = ReviewReports.fetch(editorClient());
    return report.getParameter().stream()
        .filter(p -> p.getName().equals("never-reviewed"))
        .map(p -> ((IntegerType) p.getValue()).getValue())
        .findFirst()
        .orElseThrow();
  }
}
