package org.patientedu.fhirserver.readcache;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Library;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;
import org.patientedu.testing.ResourcesLoaded;
import org.patientedu.testing.ReviewReports;
import org.patientedu.testing.RunningServerTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The handout catalog and the review report both view every Library: a Library written is read once
 * for both, not once per feature.
 */
class SharedResourceViewsIT extends RunningServerTest {

  @Autowired SharedResourceViews sharedViews;
  @Autowired DaoRegistry daoRegistry;
  @Autowired CurrentVersions currentVersions;
  @Autowired IInterceptorService interceptors;

  /**
   * A node's first build reads every resource of the type page by page (more changed than one read
   * takes); a later change is read by id. Pages of 2 here, so the pack's Libraries span several.
   */
  @Test
  void aFirstBuildPagesThroughEveryLibraryAndALaterChangeIsReadById() {
    ResourceViews<Library> views =
        new ResourceViews<>(daoRegistry, currentVersions, Library.class, 2);
    ResourceViews<Library>.View<String> titles = views.view(Library::getTitle);

    List<Integer> loadedAtATime = ResourcesLoaded.atATimeDuring(interceptors, titles::current);
    Map<String, String> first = titles.current().byId(); // the edition just made, read no more
    int stored =
        anonymousClient()
            .search()
            .forResource(Library.class)
            .summaryMode(SummaryEnum.COUNT)
            .returnBundle(Bundle.class)
            .execute()
            .getTotal();
    assertThat(stored).as("more Libraries than one page of 2").isGreaterThan(4);
    assertThat(first).as("every stored Library, once").hasSize(stored);
    assertThat(views.resourcesRead()).as("each read once").isEqualTo(stored);
    assertThat(loadedAtATime)
        .as("loaded a page of 2 at a time, not all at once")
        .hasSizeGreaterThanOrEqualTo(stored / 2)
        .allSatisfy(loaded -> assertThat(loaded).isLessThanOrEqualTo(2));
    // the pack's own pages, titles from their Library.json
    assertThat(first)
        .containsEntry("oxytocin-healthwise", "Oxytocin")
        .containsEntry("oxytocin-goaskalice", "Oxytocin")
        .containsEntry(
            "oxytocin-loveandlife",
            "Release the Flow of Oxytocin for Emotional and Relationship Health")
        .containsEntry(
            "oxytocin-noigroup", "Every hormone has a story – Oxytocin – Neuroscience Nugget No. 8")
        .containsEntry(
            "oxytocin-perexp",
            "What is oxytocin, what does it do, what are the symptoms of deficiency?");

    Library probe = new Library();
    probe.setStatus(PublicationStatus.RETIRED);
    probe.setTitle("Paged views probe");
    probe.getType().addCoding().setCode("asset-collection");
    IGenericClient editor = editorClient();
    IIdType id = editor.create().resource(probe).execute().getId().toUnqualifiedVersionless();
    try {
      assertThat(titles.current().byId())
          .hasSize(stored + 1)
          .containsEntry(id.getIdPart(), "Paged views probe");
      assertThat(views.resourcesRead()).as("only the new one read").isEqualTo(stored + 1);
    } finally {
      editor.delete().resourceById(id).execute();
    }
    assertThat(titles.current().byId()).hasSize(stored).doesNotContainKey(id.getIdPart());
    assertThat(views.resourcesRead()).as("a delete reads nothing").isEqualTo(stored + 1);
  }

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
