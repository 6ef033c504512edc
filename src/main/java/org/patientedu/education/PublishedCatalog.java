package org.patientedu.education;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.contentpack.fhir.CreditElements;
import org.patientedu.contentpack.fhir.PageExtensions;
import org.patientedu.contentpack.page.Person;
import org.patientedu.fhirserver.readcache.CurrentVersions;
import org.patientedu.fhirserver.readcache.ResourceViews;
import org.patientedu.fhirserver.readcache.SharedResourceViews;

/**
 * The approved (active) pages, held in memory so an answer is a lookup, not a search. Before each
 * answer one cheap query ({@link CurrentVersions#fingerprint}) asks whether any Library was written
 * since the snapshot was made, on this node or another sharing the database; if so the Libraries
 * written since are read again ({@link ResourceViews}) and the snapshot made anew from the views. A
 * review, approval or retirement therefore shows in the next answer, and costs the read of that
 * page, not of the whole catalog.
 *
 * <p>Drafts and retired pages never enter the snapshot.
 */
class PublishedCatalog {

  /** The pages as of one fingerprint. */
  record Snapshot(CurrentVersions.Fingerprint fingerprint, List<PublishedPage> pages) {}

  /** Each Library's page; empty for a Library that is not active. */
  private final ResourceViews<Library>.View<Optional<PublishedPage>> views;

  private volatile Snapshot snapshot;

  PublishedCatalog(SharedResourceViews sharedViews) {
    this.views =
        sharedViews
            .of(Library.class)
            .view(
                library ->
                    library.getStatus() == PublicationStatus.ACTIVE
                        ? Optional.of(page(library))
                        : Optional.empty());
  }

  /**
   * The approved pages as the store holds them now, with the fingerprint they were read at (equal
   * fingerprints: the same pages).
   */
  Snapshot snapshot() {
    ResourceViews.Edition<Optional<PublishedPage>> edition = views.current();
    Snapshot known = snapshot;
    if (known != null && known.fingerprint().equals(edition.fingerprint())) {
      return known;
    }
    Snapshot made =
        new Snapshot(
            edition.fingerprint(),
            edition.byId().values().stream().flatMap(Optional::stream).toList());
    snapshot = made;
    return made;
  }

  private static PublishedPage page(Library library) {
    return new PublishedPage(
        library.getIdElement().getIdPart(),
        library.getIdElement().hasVersionIdPart()
            ? library.getIdElement().getVersionIdPartAsLong()
            : Long.parseLong(library.getMeta().getVersionId()),
        library.getVersion(),
        library.getUrl(),
        library.hasTitle() ? library.getTitle() : library.getName(),
        library.getDescription(),
        library.hasLanguage() ? library.getLanguage() : null,
        library.getPublisher(),
        PageExtensions.reviewStatus(library),
        library.getLastReviewDateElement().getValueAsString(),
        library.getMeta().hasLastUpdated() ? library.getMeta().getLastUpdated().toInstant() : null,
        ContextElements.tags(library),
        CreditElements.reviewers(library).stream()
            .map(Person::nameWithCredentialsAndSpecialty)
            .toList(),
        CreditElements.authors(library).stream().anyMatch(Person::aiTool),
        PageExtensions.readingGrade(library),
        translations(library));
  }

  /** The page's HTML renditions in languages other than its own (the importer's translations). */
  private static Map<String, String> translations(Library library) {
    String own = PublishedPage.primarySubtag(library.getLanguage());
    Map<String, String> translations = new HashMap<>();
    for (Attachment attachment : library.getContent()) {
      if (attachment.hasLanguage()
          && attachment.hasContentType()
          && attachment.getContentType().startsWith("text/html")) {
        String language = PublishedPage.primarySubtag(attachment.getLanguage());
        if (!language.equals(own)) {
          translations.putIfAbsent(language, attachment.hasTitle() ? attachment.getTitle() : "");
        }
      }
    }
    return translations;
  }
}
