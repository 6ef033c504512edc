package org.patientedu.education;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.TokenParam;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Library;
import org.patientedu.contentpack.fhir.ContextElements;
import org.patientedu.contentpack.fhir.CreditElements;
import org.patientedu.contentpack.fhir.PageExtensions;
import org.patientedu.contentpack.page.Person;
import org.patientedu.fhirserver.readcache.CurrentVersions;

/**
 * The approved (active) pages, held in memory so an answer is a lookup, not a search. Before each
 * answer one cheap query ({@link CurrentVersions#fingerprint}) asks whether any Library was written
 * since the snapshot was made, on this node or another sharing the database; if so the snapshot is
 * rebuilt from the store first. A review, approval or retirement therefore shows in the next
 * answer.
 *
 * <p>Drafts and retired pages never enter the snapshot.
 */
class PublishedCatalog {

  /** The pages as of one fingerprint. */
  record Snapshot(CurrentVersions.Fingerprint fingerprint, List<PublishedPage> pages) {}

  private final DaoRegistry daoRegistry;
  private final CurrentVersions currentVersions;
  private volatile Snapshot snapshot;

  PublishedCatalog(DaoRegistry daoRegistry, CurrentVersions currentVersions) {
    this.daoRegistry = daoRegistry;
    this.currentVersions = currentVersions;
  }

  /**
   * The approved pages as the store holds them now, with the fingerprint they were read at (equal
   * fingerprints: the same pages).
   */
  Snapshot snapshot() {
    CurrentVersions.Fingerprint now = currentVersions.fingerprint("Library");
    Snapshot known = snapshot;
    if (known != null && known.fingerprint().equals(now)) {
      return known;
    }
    return rebuild(now);
  }

  private synchronized Snapshot rebuild(CurrentVersions.Fingerprint now) {
    Snapshot known = snapshot;
    if (known != null && known.fingerprint().equals(now)) {
      return known; // another request rebuilt it meanwhile
    }
    // The fingerprint was read before the search: a write landing in between is in the pages and
    // changes the next fingerprint, so at worst the next answer rebuilds once more.
    SearchParameterMap active = SearchParameterMap.newSynchronous();
    active.add("status", new TokenParam(PublicationStatus.ACTIVE.toCode()));
    List<PublishedPage> pages =
        daoRegistry
            .getResourceDao(Library.class)
            .search(active, new SystemRequestDetails())
            .getAllResources()
            .stream()
            .map(Library.class::cast)
            .filter(library -> library.getStatus() == PublicationStatus.ACTIVE)
            .map(PublishedCatalog::page)
            .toList();
    Snapshot rebuilt = new Snapshot(now, pages);
    snapshot = rebuilt;
    return rebuilt;
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
